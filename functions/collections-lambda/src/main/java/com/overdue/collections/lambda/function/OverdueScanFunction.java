package com.overdue.collections.lambda.function;

import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.application.ScanSummary;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** {@code overdueScan}: the daily scan of one time zone, invoked by EventBridge Scheduler. */
public class OverdueScanFunction {

    private static final Logger LOG = Logger.getLogger(OverdueScanFunction.class);
    private static final String FUNCTION = "overdueScan";

    @Inject
    OverdueScanUseCase scan;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public ScanResult overdueScan(ScanRequest request) {
        ZoneId zone = zone(request);
        LocalDate date = businessDate(request);
        MDC.put("function", FUNCTION);
        try {
            ScanSummary s = scan.scan(zone, date);
            MDC.put("businessDate", s.businessDate().toString());
            MDC.put("outcome", "scanned");
            LOG.infof("scan %s %s: %d loans scanned, %d work items sent, %d bucket changes",
                    s.timeZone(), s.businessDate(), s.loansScanned(), s.workItemsSent(), s.delinquencyChanges());
            metrics.count(FUNCTION, Map.of("LoansScanned", s.loansScanned(), "WorkItemsSent", s.workItemsSent(),
                    "DelinquencyChanges", s.delinquencyChanges()));
            return new ScanResult(s.timeZone(), s.businessDate().toString(), s.loansScanned(), s.workItemsSent(),
                    s.delinquencyChanges(), s.loansLeftIndex(), s.loansBySeverity(), s.loansByBucket());
        } finally {
            MDC.clear();
        }
    }

    private static ZoneId zone(ScanRequest request) {
        if (request == null || request.getTimeZone() == null || request.getTimeZone().isBlank()) {
            throw new IllegalArgumentException("overdueScan input: timeZone is required, e.g. {\"timeZone\":"
                    + "\"Asia/Shanghai\"}");
        }
        try {
            return ZoneId.of(request.getTimeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("overdueScan input: timeZone \"" + request.getTimeZone()
                    + "\" is not an IANA time zone");
        }
    }

    private static LocalDate businessDate(ScanRequest request) {
        if (request.getBusinessDate() == null || request.getBusinessDate().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(request.getBusinessDate());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("overdueScan input: businessDate \"" + request.getBusinessDate()
                    + "\" is not a date yyyy-MM-dd");
        }
    }
}
