package com.overdue.collections.emulators;

/**
 * Contract events of a US loan as the credit-bureau tests of several modules book it: three monthly installments of
 * 100.00 USD from 15 January 2026, and a borrower with everything a Metro 2 base segment needs (synthetic data).
 */
public final class UsLoanEvents {

    private UsLoanEvents() {
    }

    public static String booked(String eventId, String loanId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":"
                + "\"2026-01-01T17:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":\"B-" + loanId
                + "\",\"productCode\":\"US-CONSUMER-INSTALMENT\",\"currency\":\"USD\",\"jurisdiction\":\"US\","
                + "\"timeZone\":\"America/New_York\",\"principal\":\"300.00\",\"disbursedOn\":\"2026-01-01\","
                + "\"installments\":["
                + "{\"seq\":1,\"dueDate\":\"2026-01-15\",\"principal\":\"100.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"},"
                + "{\"seq\":2,\"dueDate\":\"2026-02-15\",\"principal\":\"100.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"},"
                + "{\"seq\":3,\"dueDate\":\"2026-03-15\",\"principal\":\"100.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"}"
                + "],\"borrower\":{\"name\":{\"first\":\"Jane\",\"middle\":\"Q\",\"last\":\"Public\"},"
                + "\"locale\":\"en-US\",\"timeZone\":\"America/New_York\",\"email\":\"jane@example.com\","
                + "\"phone\":\"+12125550100\",\"dateOfBirth\":\"1985-04-12\",\"nationalId\":\"123-45-6789\","
                + "\"address\":{\"line1\":\"1 Elm Street\",\"line2\":\"\",\"city\":\"Albany\",\"state\":\"NY\","
                + "\"postalCode\":\"12207\",\"country\":\"US\"}}}}";
    }

    /** A payment of 100.00 received (and sent) on {@code on}, 16:00 UTC. */
    public static String payment(String eventId, String loanId, String paymentId, String on) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PaymentReceived\",\"schemaVersion\":1,\"occurredAt\":\""
                + on + "T16:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"paymentId\":\"" + paymentId
                + "\",\"amount\":\"100.00\",\"receivedOn\":\"" + on + "\",\"channel\":\"BANK_TRANSFER\"}}";
    }
}
