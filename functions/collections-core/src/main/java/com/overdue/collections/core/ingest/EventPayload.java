package com.overdue.collections.core.ingest;

import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.loan.BorrowerDetails;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The typed payload of each event type; amounts stay {@link BigDecimal} until the loan's currency is known. */
public sealed interface EventPayload {

    /** Every money amount in the payload with its path, for the per-currency scale check. */
    default List<AmountField> amounts() {
        return List.of();
    }

    /** A scheduled installment as booked. */
    record BookedInstallment(int seq, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees) {
    }

    record LoanBooked(String borrowerId, String productCode, String currency, String jurisdiction, String timeZone,
                      BigDecimal principal, LocalDate disbursedOn, List<BookedInstallment> installments,
                      Borrower borrower) implements EventPayload {
        @Override
        public List<AmountField> amounts() {
            var list = new java.util.ArrayList<AmountField>();
            list.add(new AmountField("payload.principal", principal));
            for (int i = 0; i < installments.size(); i++) {
                BookedInstallment b = installments.get(i);
                String at = "payload.installments[" + i + "].";
                list.add(new AmountField(at + "principal", b.principal()));
                list.add(new AmountField(at + "interest", b.interest()));
                list.add(new AmountField(at + "fees", b.fees()));
            }
            return list;
        }
    }

    record PaymentReceived(String paymentId, BigDecimal amount, LocalDate receivedOn, String channel)
            implements EventPayload {
        @Override
        public List<AmountField> amounts() {
            return List.of(new AmountField("payload.amount", amount));
        }
    }

    record PaymentReversed(String paymentId, String reason) implements EventPayload {
    }

    record PromiseToPayMade(String promiseId, BigDecimal amount, LocalDate promisedDate, String via)
            implements EventPayload {
        @Override
        public List<AmountField> amounts() {
            return List.of(new AmountField("payload.amount", amount));
        }
    }

    record ContactOutcomeRecorded(String channel, Instant at, String outcome, String agentId) implements EventPayload {
    }

    /** A supporting document reference of a hardship request. */
    record HardshipDocument(String type, String ref) {
    }

    record HardshipRequested(String requestId, String reason, List<HardshipDocument> documents, String requestedKind)
            implements EventPayload {
    }

    /** One payment of an approved hardship instalment plan. */
    record PlanInstallment(int seq, LocalDate dueDate, BigDecimal amount) {
    }

    /** A new due date for one installment under a deferral. */
    record NewDueDate(int seq, LocalDate dueDate) {
    }

    /** The approved plan: only the fields of its kind are set. */
    record HardshipPlan(String kind, List<PlanInstallment> installments, List<NewDueDate> newDueDates,
                        BigDecimal minimumAmount, LocalDate untilDate, String waiverComponent,
                        BigDecimal waiverAmount) {
    }

    record HardshipDecided(String requestId, String decision, String reviewer, HardshipPlan plan)
            implements EventPayload {
        @Override
        public List<AmountField> amounts() {
            if (plan == null) {
                return List.of();
            }
            var list = new java.util.ArrayList<AmountField>();
            for (int i = 0; i < plan.installments().size(); i++) {
                list.add(new AmountField("payload.plan.installments[" + i + "].amount",
                        plan.installments().get(i).amount()));
            }
            if (plan.minimumAmount() != null) {
                list.add(new AmountField("payload.plan.minimumAmount", plan.minimumAmount()));
            }
            if (plan.waiverAmount() != null) {
                list.add(new AmountField("payload.plan.amount", plan.waiverAmount()));
            }
            return list;
        }
    }

    record WaiverGranted(String component, BigDecimal amount, String approvedBy) implements EventPayload {
        @Override
        public List<AmountField> amounts() {
            return List.of(new AmountField("payload.amount", amount));
        }
    }

    record DisputeOpened(String disputeId, String reason) implements EventPayload {
    }

    record DisputeResolved(String disputeId, String outcome, boolean consumerDisagrees) implements EventPayload {
    }

    record ContactPreferencesChanged(List<String> optOut, boolean ceaseCommunication) implements EventPayload {
    }

    record ComplaintReceived(String complaintId, String channel, String summary) implements EventPayload {
    }

    record LegalEventRecorded(String kind, LocalDate on) implements EventPayload {
    }

    record LoanClosed(String reason, LocalDate on) implements EventPayload {
    }

    /** The borrower's personal data changed; only the fields sent change (PII: kept in the borrower record only). */
    record BorrowerDetailsChanged(String borrowerId, BorrowerDetails details) implements EventPayload {
    }
}
