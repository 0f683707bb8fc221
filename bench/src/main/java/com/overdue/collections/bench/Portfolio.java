package com.overdue.collections.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The generated book: {@code loans} monthly instalment loans in one time zone, {@code overduePercent} of them
 * (evenly spread) with an unpaid instalment due before the first business date and days past due cycling 1..90
 * (so a few cross a bucket border every day), the others with their first instalment due after the last business
 * date of the run. Deterministic: the same parameters give the same events.
 */
final class Portfolio {

    static final int MAX_DAYS_PAST_DUE = 90;

    private final int loans;
    private final int overduePercent;
    private final int installments;
    private final ZoneId zone;
    private final LocalDate firstBusinessDate;
    private final int days;

    Portfolio(int loans, int overduePercent, int installments, ZoneId zone, LocalDate firstBusinessDate, int days) {
        if (overduePercent < 0 || overduePercent > 100) {
            throw new IllegalArgumentException("--overdue-percent must be 0..100");
        }
        if (days < 1 || days > 5) {
            throw new IllegalArgumentException("--days must be 1..5 (healthy loans must stay out of the index range)");
        }
        this.loans = loans;
        this.overduePercent = overduePercent;
        this.installments = installments;
        this.zone = zone;
        this.firstBusinessDate = firstBusinessDate;
        this.days = days;
    }

    int size() {
        return loans;
    }

    /** Exactly {@code overduePercent} of every 100 consecutive loans, evenly spread. */
    boolean isOverdue(int i) {
        return (int) ((long) i * overduePercent % 100) < overduePercent;
    }

    int overdueCount() {
        int n = 0;
        for (int i = 0; i < loans; i++) {
            if (isOverdue(i)) {
                n++;
            }
        }
        return n;
    }

    static String loanId(int i) {
        return String.format("L-%07d", i);
    }

    static int indexOf(String loanId) {
        return Integer.parseInt(loanId.substring(2));
    }

    /** The first due date: before the first business date when overdue, after the last one when healthy. */
    LocalDate firstDueDate(int i) {
        if (isOverdue(i)) {
            int ordinal = (int) ((long) i * overduePercent / 100); // how many overdue loans come before this one
            int daysPastDue = 1 + ordinal % MAX_DAYS_PAST_DUE;
            return firstBusinessDate.minusDays(daysPastDue);
        }
        // +days..+days+19: the review date (due + 1) stays after the last scanned date, and disbursement (one
        // month, at least 28 days, before) stays before the ingestion date.
        return firstBusinessDate.plusDays(days + (i % 20));
    }

    /** The LoanBooked event of loan {@code i}, as the lending platform would send it. */
    String loanBooked(int i) {
        String loanId = loanId(i);
        String borrowerId = String.format("B-%07d", i);
        LocalDate firstDue = firstDueDate(i);
        LocalDate disbursed = firstDue.minusMonths(1);
        StringBuilder schedule = new StringBuilder();
        for (int k = 0; k < installments; k++) {
            if (k > 0) {
                schedule.append(',');
            }
            schedule.append("{\"seq\":").append(k + 1)
                    .append(",\"dueDate\":\"").append(firstDue.plusMonths(k))
                    .append("\",\"principal\":\"100.00\",\"interest\":\"4.50\",\"fees\":\"0.00\"}");
        }
        String eventId = UUID.nameUUIDFromBytes(("bench-booked-" + loanId).getBytes(StandardCharsets.UTF_8))
                .toString();
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"" + disbursed + "T14:00:00Z\",\"loanId\":\"" + loanId + "\","
                + "\"payload\":{\"borrowerId\":\"" + borrowerId + "\",\"productCode\":\"US-CONSUMER-INSTALMENT\","
                + "\"currency\":\"USD\",\"jurisdiction\":\"US\",\"timeZone\":\"" + zone.getId() + "\","
                + "\"principal\":\"" + (100 * installments) + ".00\",\"disbursedOn\":\"" + disbursed + "\","
                + "\"installments\":[" + schedule + "],"
                + "\"borrower\":{\"name\":{\"first\":\"Emily\",\"middle\":\"R\",\"last\":\"Johnson\"},"
                + "\"locale\":\"en-US\",\"timeZone\":\"" + zone.getId() + "\","
                + "\"email\":\"borrower" + i + "@example.com\",\"phone\":\"+1212555" + String.format("%04d", i % 10000)
                + "\",\"dateOfBirth\":\"1987-09-14\",\"nationalId\":\"" + String.format("900%06d", i) + "\","
                + "\"address\":{\"line1\":\"215 W 94th St\",\"line2\":\"Apt 4B\",\"city\":\"New York\","
                + "\"state\":\"NY\",\"postalCode\":\"10025\",\"country\":\"US\"}}}}";
    }
}
