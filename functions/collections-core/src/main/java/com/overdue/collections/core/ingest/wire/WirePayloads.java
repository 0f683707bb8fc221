package com.overdue.collections.core.ingest.wire;

import java.util.List;

/**
 * One record per payload of the contract, field for field as the schema defines it. Dates and amounts stay strings
 * here: the parser turns them into {@code LocalDate} and {@code BigDecimal} once the schema has vouched for their form.
 */
public final class WirePayloads {

    private WirePayloads() {
    }

    public record Installment(int seq, String dueDate, String principal, String interest, String fees) {
    }

    public record Name(String first, String middle, String last) {
    }

    public record Address(String line1, String line2, String city, String state, String postalCode,
                          String country) {
    }

    public record Borrower(Name name, String locale, String timeZone, String email, String phone, String nationalId,
                           String dateOfBirth, Address address) {
    }

    public record LoanBooked(String borrowerId, String productCode, String currency, String jurisdiction,
                             String timeZone, String principal, String disbursedOn, List<Installment> installments,
                             Borrower borrower) {
    }

    public record PaymentReceived(String paymentId, String amount, String receivedOn, String channel) {
    }

    public record PaymentReversed(String paymentId, String reason) {
    }

    public record PromiseToPayMade(String promiseId, String amount, String promisedDate, String via) {
    }

    public record ContactOutcomeRecorded(String channel, String at, String outcome, String agentId) {
    }

    public record Document(String type, String ref) {
    }

    public record Requested(String kind) {
    }

    public record HardshipRequested(String requestId, String reason, List<Document> documents, Requested requested) {
    }

    public record PlanInstallment(int seq, String dueDate, String amount) {
    }

    public record NewDueDate(int seq, String dueDate) {
    }

    public record Plan(String kind, List<PlanInstallment> installments, List<NewDueDate> newDueDates,
                       String minimumAmount, String untilDate, String component, String amount) {
    }

    public record HardshipDecided(String requestId, String decision, String reviewer, Plan plan) {
    }

    public record WaiverGranted(String component, String amount, String approvedBy) {
    }

    public record DisputeOpened(String disputeId, String reason) {
    }

    public record DisputeResolved(String disputeId, String outcome, Boolean consumerDisagrees) {
    }

    public record ContactPreferencesChanged(List<String> optOut, Boolean ceaseCommunication) {
    }

    public record ComplaintReceived(String complaintId, String channel, String summary) {
    }

    public record LegalEventRecorded(String kind, String on) {
    }

    public record LoanClosed(String reason, String on) {
    }

    public record BorrowerDetailsChanged(String borrowerId, Borrower borrower) {
    }
}
