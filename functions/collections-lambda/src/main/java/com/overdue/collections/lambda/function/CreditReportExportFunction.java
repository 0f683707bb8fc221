package com.overdue.collections.lambda.function;

import com.overdue.collections.core.application.CreditReportExportUseCase;
import com.overdue.collections.core.application.CreditReportSummary;
import com.overdue.collections.lambda.metrics.EmfMetrics;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** {@code creditReportExport}: the monthly Metro 2 file, invoked by EventBridge Scheduler or on demand. */
public class CreditReportExportFunction {

    private static final Logger LOG = Logger.getLogger(CreditReportExportFunction.class);
    private static final String FUNCTION = "creditReportExport";

    @Inject
    CreditReportExportUseCase export;

    @Inject
    EmfMetrics metrics;

    @Funq(FUNCTION)
    public CreditReportResult creditReportExport(CreditReportRequest request) {
        LocalDate cycleDate = cycleDate(request);
        MDC.put("function", FUNCTION);
        try {
            CreditReportSummary s = export.export(cycleDate);
            MDC.put("businessDate", s.cycleDate().toString());
            MDC.put("outcome", s.fileLocation() == null ? "no-file" : "written");
            LOG.infof("credit report cycle %s: %d loans, %d reported, %d withheld pending notice, %d rejected,"
                            + " %d notices, sha256 %s", s.cycleDate(), s.loansScanned(), s.reported(),
                    s.withheldPendingNotice(), s.rejected(), s.noticesPublished(), s.sha256());
            metrics.count(FUNCTION, Map.of("AccountsReported", s.reported(),
                    "AccountsWithheldPendingNotice", s.withheldPendingNotice(), "AccountsRejected", s.rejected(),
                    "NoticesPublished", s.noticesPublished(), "Corrections", s.corrections()));
            return new CreditReportResult(s.cycleDate().toString(), s.fileLocation(), s.manifestLocation(),
                    s.sha256(), s.loansScanned(), s.reported(), s.withheldPendingNotice(), s.rejected(),
                    s.droppedAfterFinalReport(), s.notReportable(), s.noticesPublished(), s.corrections(),
                    s.reRunRecords(), s.statusCounts());
        } finally {
            MDC.clear();
        }
    }

    private static LocalDate cycleDate(CreditReportRequest request) {
        if (request == null || request.getCycleDate() == null || request.getCycleDate().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(request.getCycleDate());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("creditReportExport input: cycleDate \"" + request.getCycleDate()
                    + "\" is not a date yyyy-MM-dd");
        }
    }
}
