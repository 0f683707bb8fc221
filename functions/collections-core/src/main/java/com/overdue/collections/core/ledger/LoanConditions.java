package com.overdue.collections.core.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the loan's non-monetary events established, as of the position's date: disputes, promises to pay, hardship
 * requests and plans, legal flags, and the borrower's contact preferences and complaints. Derived by replay like the
 * amounts, so a late event corrects it too. Escalation holds, contact rules and bureau reporting read it.
 */
public record LoanConditions(
        List<Dispute> disputes,
        List<PromiseToPay> promises,
        List<Hardship> hardships,
        List<LegalFlag> legalFlags,
        ContactPreferences contact,
        List<Waiver> waivers) {

    public static final LoanConditions NONE = new LoanConditions(List.of(), List.of(), List.of(), List.of(),
            ContactPreferences.NONE, List.of());

    public LoanConditions {
        disputes = List.copyOf(disputes);
        promises = List.copyOf(promises);
        hardships = List.copyOf(hardships);
        legalFlags = List.copyOf(legalFlags);
        waivers = List.copyOf(waivers);
    }

    /** A dispute: open while {@code resolvedOn} is null. */
    public record Dispute(String disputeId, LocalDate openedOn, String reason, LocalDate resolvedOn, String outcome,
                          boolean consumerDisagrees) {
        public boolean isOpen() {
            return resolvedOn == null;
        }
    }

    /** The outcome of a promise to pay. */
    public enum PromiseStatus { ACTIVE, KEPT, BROKEN, REPLACED }

    /**
     * A promise to pay {@code amount} by {@code promisedDate}; it holds escalation until {@code holdUntil}
     * (promised date + grace days), is KEPT on the day payments since it was made reach the amount, and BROKEN the
     * day after {@code holdUntil} otherwise.
     */
    public record PromiseToPay(String promiseId, LocalDate madeOn, String amount, LocalDate promisedDate,
                               LocalDate holdUntil, String paidSoFar, PromiseStatus status, LocalDate resolvedOn) {
    }

    /** Where a hardship request stands. */
    public enum HardshipStatus { UNDER_REVIEW, REJECTED, ACTIVE, BROKEN, COMPLETED }

    /** One payment of an approved hardship instalment plan. */
    public record PlanPayment(int seq, LocalDate dueDate, String amount) {
    }

    /**
     * A hardship request (困难协商) and, once approved, its plan: kind, plan payments, when it started and ended.
     * An ACTIVE plan in good standing pauses ageing (and penalty, per product) and holds escalation.
     */
    public record Hardship(String requestId, LocalDate requestedOn, String reason, List<String> documents,
                           String requestedKind, HardshipStatus status, String planKind, List<PlanPayment> plan,
                           LocalDate decidedOn, String reviewer, LocalDate endedOn, String paidSoFar) {
        public Hardship {
            documents = List.copyOf(documents);
            plan = List.copyOf(plan);
        }

        public boolean isActive() {
            return status == HardshipStatus.ACTIVE;
        }
    }

    /** A legal event on the loan: JUDGMENT, SETTLEMENT, BANKRUPTCY or DECEASED, with its date. */
    public record LegalFlag(String kind, LocalDate on) {
    }

    /** A waiver (减免): the component, what was asked, what could be applied, who approved it and when. */
    public record Waiver(String sourceEventId, String component, String requested, String applied,
                         String approvedBy, LocalDate on) {
    }

    /**
     * The borrower's contact preferences as the platform last sent them for this loan, and the channels with a
     * complaint under review (contact on that channel pauses until reviewed).
     */
    public record ContactPreferences(Set<String> optOut, boolean ceaseCommunication, Set<String> complaintChannels,
                                     LocalDate changedOn) {
        public static final ContactPreferences NONE = new ContactPreferences(Set.of(), false, Set.of(), null);

        public ContactPreferences {
            optOut = Set.copyOf(optOut);
            complaintChannels = Set.copyOf(complaintChannels);
        }
    }

    public boolean hasOpenDispute() {
        return disputes.stream().anyMatch(Dispute::isOpen);
    }

    public java.util.Optional<Hardship> activeHardship() {
        return hardships.stream().filter(Hardship::isActive).findFirst();
    }

    public java.util.Optional<PromiseToPay> activePromise() {
        return promises.stream().filter(p -> p.status() == PromiseStatus.ACTIVE).findFirst();
    }

    /**
     * The holds in force (RULES §6): a hardship plan in good standing, an open dispute, an active promise to pay,
     * deceased or bankruptcy flags. Holds stop escalation; they never lift a compliance rule.
     */
    public List<String> holds() {
        List<String> holds = new java.util.ArrayList<>();
        activeHardship().ifPresent(h -> holds.add("HARDSHIP_PLAN"));
        if (hasOpenDispute()) {
            holds.add("DISPUTE");
        }
        activePromise().ifPresent(p -> holds.add("PROMISE_TO_PAY"));
        if (hasLegalFlag("DECEASED")) {
            holds.add("DECEASED");
        }
        if (hasLegalFlag("BANKRUPTCY")) {
            holds.add("BANKRUPTCY");
        }
        return List.copyOf(holds);
    }

    public boolean hasLegalFlag(String kind) {
        return legalFlags.stream().anyMatch(f -> f.kind().equals(kind));
    }
}
