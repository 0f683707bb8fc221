package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.delinquency.DelinquencyStatus;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.port.WorkItem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the run report's charts and the analytics files are made of, collected from what the pipeline already
 * returns or sends, so the report costs the pipeline no DynamoDB request: the work items of the daily scans (bucket
 * and overdue amount of every overdue loan per business date), the payments the ingest applied, the contacts the
 * reminder fan-out journals, the escalation decisions (read with the loan output at the end), and one month-end
 * snapshot per month end in the run, read outside the counted requests ({@link RequestCounter#uncounted}).
 */
final class RunAnalytics {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> BUCKETS = bucketNames();
    static final Comparator<String> BUCKET_ORDER = Comparator.comparingInt(RunAnalytics::bucketIndex);

    /** A loan's place at a month end: its bucket (CURRENT or a configured bucket) and overdue amount. */
    record Snapshot(String bucket, BigDecimal overdue, String currency) {
    }

    /** A payment applied: the loan, the amount (in the loan's currency) and the date received. */
    private record Payment(String loanId, BigDecimal amount, LocalDate receivedOn) {
    }

    /** The ladders, for the order of the stages (their ranks). */
    EscalationLadders ladders;
    /** Work items already counted (loanId#date): a scan re-run after a crash sends them again. */
    private final Set<String> itemsSeen = new HashSet<>();
    /** business date → bucket → overdue loans (work items with DPD ≥ 1). */
    final Map<LocalDate, Map<String, Integer>> overdueLoansByDay = new TreeMap<>();
    /** currency → business date → bucket → overdue amount. */
    final Map<String, Map<LocalDate, Map<String, BigDecimal>>> overdueAmountByDay = new TreeMap<>();
    /** month end → loanId → where the open loan stood. */
    final Map<LocalDate, Map<String, Snapshot>> monthEnds = new TreeMap<>();
    private final Map<String, Payment> payments = new HashMap<>();
    private final Set<String> reversed = new HashSet<>();
    /** loanId → its escalation decisions in date order. */
    final Map<String, List<EscalationDecision>> decisions = new TreeMap<>();
    /** loanId → its currency and stage at the end of the run. */
    final Map<String, String[]> atEnd = new TreeMap<>();
    /** loanId → contacts sent ("messageId businessDate"). */
    final Map<String, Set<String>> contactsSent = new TreeMap<>();

    private static List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        names.add(DelinquencyPolicy.CURRENT_BUCKET);
        DelinquencyPolicy.DEFAULT.buckets().forEach(b -> names.add(b.name()));
        return List.copyOf(names);
    }

    private static int bucketIndex(String bucket) {
        int i = BUCKETS.indexOf(bucket);
        return i < 0 ? BUCKETS.size() : i;
    }

    /** The work items a scan sent (as the workers' queues receive them). */
    void workItems(List<WorkItem> items) {
        for (WorkItem item : items) {
            if (item.daysPastDue() <= 0 || !itemsSeen.add(item.key())) {
                continue;
            }
            overdueLoansByDay.computeIfAbsent(item.businessDate(), d -> new TreeMap<>(BUCKET_ORDER))
                    .merge(item.bucket(), 1, Integer::sum);
            overdueAmountByDay.computeIfAbsent(item.currency(), c -> new TreeMap<>())
                    .computeIfAbsent(item.businessDate(), d -> new TreeMap<>(BUCKET_ORDER))
                    .merge(item.bucket(), new BigDecimal(item.overdueAmount()), BigDecimal::add);
        }
    }

    /** An event the ingest applied: payments and reversals count towards the amount recovered. */
    void ingested(IngestOutcome outcome, String json) {
        if (!(outcome instanceof IngestOutcome.Applied a) || json == null) {
            return;
        }
        if (!"PaymentReceived".equals(a.type()) && !"PaymentReversed".equals(a.type())) {
            return;
        }
        try {
            JsonNode payload = MAPPER.readTree(json).path("payload");
            String paymentId = a.loanId() + " " + payload.path("paymentId").asText();
            if ("PaymentReversed".equals(a.type())) {
                reversed.add(paymentId);
            } else {
                payments.putIfAbsent(paymentId, new Payment(a.loanId(), new BigDecimal(payload.path("amount")
                        .asText()), LocalDate.parse(payload.path("receivedOn").asText())));
            }
        } catch (IOException | RuntimeException e) {
            // applied, so readable; a payment that cannot be read here is left out of the amount recovered
        }
    }

    /**
     * The month end whose snapshot is due before the scan of {@code scanDate}: the day before, when the scan is the
     * first of a month's first day and the month end is in the run ({@code null} otherwise).
     */
    LocalDate monthEndDue(LocalDate scanDate, LocalDate from) {
        LocalDate end = scanDate.minusDays(1);
        return scanDate.getDayOfMonth() == 1 && !end.isBefore(from) && !monthEnds.containsKey(end) ? end : null;
    }

    /** Whether {@code date} is a month end whose snapshot is still to take. */
    boolean monthEndPending(LocalDate date) {
        return date.equals(YearMonth.from(date).atEndOfMonth()) && !monthEnds.containsKey(date);
    }

    /** One open loan at a month end. */
    void monthEnd(LocalDate end, String loanId, DelinquencyStatus status, String currency) {
        monthEnds.computeIfAbsent(end, e -> new TreeMap<>()).put(loanId,
                new Snapshot(status.bucket(), status.overdueAmount().amount(), currency));
    }

    /** Marks a month end snapshotted (also when no loan was open). */
    void monthEndTaken(LocalDate end) {
        monthEnds.computeIfAbsent(end, e -> new TreeMap<>());
    }

    void decision(EscalationDecision d) {
        decisions.computeIfAbsent(d.loanId(), k -> new ArrayList<>()).add(d);
    }

    void loanAtEnd(String loanId, String currency, String stage) {
        atEnd.put(loanId, new String[]{currency, stage});
    }

    /** The contacts sent, per loan, as the reminder journal recorded them. */
    void contactsSent(Map<String, Set<String>> byLoan) {
        byLoan.forEach((loan, sent) -> contactsSent.computeIfAbsent(loan, k -> new TreeSet<>()).addAll(sent));
    }

    /** The escalated loans: ones with a decision out of CURRENT, with their arm, outcome and figures. */
    List<EscalatedLoan> escalatedLoans() {
        List<EscalatedLoan> loans = new ArrayList<>();
        Map<String, List<Payment>> paidByLoan = new HashMap<>();
        payments.forEach((id, p) -> {
            if (!reversed.contains(id)) {
                paidByLoan.computeIfAbsent(p.loanId(), k -> new ArrayList<>()).add(p);
            }
        });
        decisions.forEach((loanId, ds) -> {
            LocalDate first = null;
            String strategy = null;
            Map<String, LocalDate> reached = new TreeMap<>();
            List<LocalDate> cures = new ArrayList<>();
            for (EscalationDecision d : ds) {
                if (!isEnd(d.to())) {
                    first = first == null ? d.businessDate() : first;
                    strategy = strategy == null ? d.strategy() : strategy;
                    reached.putIfAbsent(d.to(), d.businessDate());
                } else if (!isEnd(d.from())) {
                    cures.add(d.businessDate());
                }
            }
            String[] end = atEnd.get(loanId);
            if (first == null || end == null) {
                return;
            }
            LocalDate since = first;
            BigDecimal recovered = BigDecimal.ZERO;
            for (Payment p : paidByLoan.getOrDefault(loanId, List.of())) {
                // A sum: the order the payments are added in does not change it.
                if (!p.receivedOn().isBefore(since)) {
                    recovered = recovered.add(p.amount());
                }
            }
            long contacts = contactsSent.getOrDefault(loanId, Set.of()).stream()
                    .filter(c -> !LocalDate.parse(c.substring(c.lastIndexOf(' ') + 1)).isBefore(since)).count();
            for (EscalationDecision d : ds) {
                contacts += d.actions().stream().filter(a -> "CALL_TASK".equals(a.action())
                        && a.status() != EscalationDecision.ActionStatus.SKIPPED).count();
            }
            loans.add(new EscalatedLoan(loanId, strategy, end[0], reached, List.copyOf(cures), recovered,
                    contacts));
        });
        return loans;
    }

    /**
     * An escalated loan: arm, currency, the stages it reached (with the date first entered), the dates its episodes
     * ended (a cure back to CURRENT, or CLOSED: paid off or settled), amount recovered, contacts.
     */
    record EscalatedLoan(String loanId, String strategy, String currency, Map<String, LocalDate> stagesReached,
                         List<LocalDate> episodeEnds, BigDecimal recovered, long contacts) {

        /** Cured: an episode ended during the run (even when a new one began afterwards). */
        boolean cured() {
            return !episodeEnds.isEmpty();
        }

        /** Cured after first entering {@code stage}. */
        boolean curedAfter(String stage) {
            LocalDate entered = stagesReached.get(stage);
            return entered != null && episodeEnds.stream().anyMatch(d -> d.isAfter(entered));
        }
    }

    static boolean isEnd(String stage) {
        return EscalationLadder.CURRENT.equals(stage) || EscalationLadder.CLOSED.equals(stage);
    }

    /** The stages reached, in ladder order (lowest rank over the products, then name). */
    List<String> stageOrder(Set<String> stages) {
        Map<String, Integer> rank = new HashMap<>();
        for (List<EscalationDecision> ds : decisions.values()) {
            for (EscalationDecision d : ds) {
                if (!isEnd(d.to())) {
                    int r;
                    try {
                        r = ladders == null ? Integer.MAX_VALUE : ladders.ladderFor(d.productCode()).rank(d.to());
                    } catch (RuntimeException e) {
                        r = Integer.MAX_VALUE;
                    }
                    rank.merge(d.to(), r, Math::min);
                }
            }
        }
        List<String> order = new ArrayList<>(stages);
        order.sort(Comparator.<String>comparingInt(s -> rank.getOrDefault(s, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    /** One row of a roll-rate matrix: loans (and their overdue amount at M) in {@code from} at M, {@code to} at M+1. */
    record Roll(YearMonth month, String fromBucket, String toBucket, int loans, BigDecimal amount) {
    }

    /**
     * The roll rates of each pair of consecutive month ends in the run, over the loans open at both, for the loans of
     * {@code currency} (every loan when {@code null}); rows in month, then bucket order.
     */
    List<Roll> rollRates(String currency) {
        List<Roll> rows = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>(monthEnds.keySet());
        for (int i = 0; i + 1 < ends.size(); i++) {
            LocalDate m = ends.get(i);
            LocalDate next = ends.get(i + 1);
            if (!YearMonth.from(m).plusMonths(1).equals(YearMonth.from(next))) {
                continue;
            }
            Map<String, Map<String, int[]>> counts = new TreeMap<>(BUCKET_ORDER);
            Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>(BUCKET_ORDER);
            monthEnds.get(m).forEach((loanId, a) -> {
                Snapshot b = monthEnds.get(next).get(loanId);
                if (b == null || (currency != null && !currency.equals(a.currency()))) {
                    return;
                }
                counts.computeIfAbsent(a.bucket(), k -> new TreeMap<>(BUCKET_ORDER))
                        .computeIfAbsent(b.bucket(), k -> new int[1])[0]++;
                amounts.computeIfAbsent(a.bucket(), k -> new TreeMap<>(BUCKET_ORDER))
                        .merge(b.bucket(), a.overdue(), BigDecimal::add);
            });
            counts.forEach((f, tos) -> tos.forEach((t, n) -> rows.add(new Roll(YearMonth.from(m), f, t, n[0],
                    amounts.get(f).get(t)))));
        }
        return rows;
    }

    /** The currencies of the loans in the month-end snapshots. */
    Set<String> snapshotCurrencies() {
        Set<String> c = new TreeSet<>();
        monthEnds.values().forEach(m -> m.values().forEach(s -> c.add(s.currency())));
        return c;
    }

    /** Loans open at both month ends of each pair, by month M (the count each month's matrix sums to). */
    Map<YearMonth, Integer> openAtBoth() {
        Map<YearMonth, Integer> by = new LinkedHashMap<>();
        for (Roll r : rollRates(null)) {
            by.merge(r.month(), r.loans(), Integer::sum);
        }
        return by;
    }
}
