package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanConditions.ContactPreferences;
import com.overdue.collections.core.ledger.LoanConditions.Dispute;
import com.overdue.collections.core.ledger.LoanConditions.Hardship;
import com.overdue.collections.core.ledger.LoanConditions.HardshipStatus;
import com.overdue.collections.core.ledger.LoanConditions.LegalFlag;
import com.overdue.collections.core.ledger.LoanConditions.PlanPayment;
import com.overdue.collections.core.ledger.LoanConditions.PromiseStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseToPay;
import com.overdue.collections.core.ledger.LoanConditions.Waiver;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link LoanConditions} inside the {@link LoanSnapshotDocument} (same version). Amounts stay the strings the events
 * carried. Every list may be absent (read as empty): version 1 tolerated that, so this reader does too.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoanConditionsDocument(List<DisputeDoc> disputes, List<PromiseDoc> promises,
                                     List<HardshipDoc> hardships, List<LegalFlagDoc> legalFlags, ContactDoc contact,
                                     List<WaiverDoc> waivers) {

    /** A dispute. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisputeDoc(String disputeId, LocalDate openedOn, String reason, LocalDate resolvedOn,
                             String outcome, boolean consumerDisagrees) {
    }

    /** A promise to pay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromiseDoc(String promiseId, LocalDate madeOn, String amount, LocalDate promisedDate,
                             LocalDate holdUntil, String paidSoFar, PromiseStatus status, LocalDate resolvedOn) {
    }

    /** A hardship request and its plan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HardshipDoc(String requestId, LocalDate requestedOn, String reason, String requestedKind,
                              HardshipStatus status, String planKind, LocalDate decidedOn, String reviewer,
                              LocalDate endedOn, String paidSoFar, List<String> documents, List<PlanPaymentDoc> plan) {
    }

    /** One plan payment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanPaymentDoc(int seq, LocalDate dueDate, String amount) {
    }

    /** A legal flag. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegalFlagDoc(String kind, LocalDate on) {
    }

    /** Contact preferences; the sets are written sorted so that equal conditions write equal JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactDoc(List<String> optOut, boolean ceaseCommunication, List<String> complaintChannels,
                             LocalDate changedOn) {
    }

    /** A waiver. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaiverDoc(String sourceEventId, String component, String requested, String applied,
                            String approvedBy, LocalDate on) {
    }

    public static LoanConditionsDocument from(LoanConditions c) {
        return new LoanConditionsDocument(
                c.disputes().stream().map(d -> new DisputeDoc(d.disputeId(), d.openedOn(), d.reason(), d.resolvedOn(),
                        d.outcome(), d.consumerDisagrees())).toList(),
                c.promises().stream().map(p -> new PromiseDoc(p.promiseId(), p.madeOn(), p.amount(),
                        p.promisedDate(), p.holdUntil(), p.paidSoFar(), p.status(), p.resolvedOn())).toList(),
                c.hardships().stream().map(h -> new HardshipDoc(h.requestId(), h.requestedOn(), h.reason(),
                        h.requestedKind(), h.status(), h.planKind(), h.decidedOn(), h.reviewer(), h.endedOn(),
                        h.paidSoFar(), h.documents(), h.plan().stream()
                        .map(pp -> new PlanPaymentDoc(pp.seq(), pp.dueDate(), pp.amount())).toList())).toList(),
                c.legalFlags().stream().map(f -> new LegalFlagDoc(f.kind(), f.on())).toList(),
                new ContactDoc(List.copyOf(new TreeSet<>(c.contact().optOut())), c.contact().ceaseCommunication(),
                        List.copyOf(new TreeSet<>(c.contact().complaintChannels())), c.contact().changedOn()),
                c.waivers().stream().map(w -> new WaiverDoc(w.sourceEventId(), w.component(), w.requested(),
                        w.applied(), w.approvedBy(), w.on())).toList());
    }

    public LoanConditions toDomain() {
        ContactDoc c = contact == null ? new ContactDoc(null, false, null, null) : contact;
        return new LoanConditions(
                list(disputes).stream().map(d -> new Dispute(d.disputeId(), d.openedOn(), d.reason(), d.resolvedOn(),
                        d.outcome(), d.consumerDisagrees())).toList(),
                list(promises).stream().map(p -> new PromiseToPay(p.promiseId(), p.madeOn(), p.amount(),
                        p.promisedDate(), p.holdUntil(), p.paidSoFar(), p.status(), p.resolvedOn())).toList(),
                list(hardships).stream().map(h -> new Hardship(h.requestId(), h.requestedOn(), h.reason(),
                        list(h.documents()), h.requestedKind(), h.status(), h.planKind(), list(h.plan()).stream()
                        .map(pp -> new PlanPayment(pp.seq(), pp.dueDate(), pp.amount())).toList(), h.decidedOn(),
                        h.reviewer(), h.endedOn(), h.paidSoFar())).toList(),
                list(legalFlags).stream().map(f -> new LegalFlag(f.kind(), f.on())).toList(),
                new ContactPreferences(Set.copyOf(list(c.optOut())), c.ceaseCommunication(),
                        Set.copyOf(list(c.complaintChannels())), c.changedOn()),
                list(waivers).stream().map(w -> new Waiver(w.sourceEventId(), w.component(), w.requested(),
                        w.applied(), w.approvedBy(), w.on())).toList());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
