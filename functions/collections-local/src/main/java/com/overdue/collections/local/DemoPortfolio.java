package com.overdue.collections.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A generated sample portfolio for the demo: loans booked before the window in CN (CNY, Asia/Shanghai) and US (USD,
 * America/New_York), each following one repayment behaviour (on time, late, partial, never, reversed, overpaid),
 * plus the noise a real feed has (duplicate deliveries, a malformed amount, an event for an unknown loan), and
 * borrowers who exercise the contact rules (an SMS opt-out, a cease-communication request, an open dispute, a
 * complaint about SMS, a US borrower living in New Zealand whose 06:00 New York run falls in the night).
 * Deterministic for a given seed.
 */
final class DemoPortfolio {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] FIRST = {"Wei", "Fang", "Min", "Jing", "Lei", "Alex", "Sam", "Maria", "John", "Li"};
    private static final String[] LAST = {"Zhang", "Wang", "Li", "Liu", "Chen", "Smith", "Garcia", "Lee", "Brown"};

    /** How a generated borrower repays. */
    enum Behaviour { ON_TIME, LATE, PARTIAL, NEVER, REVERSED, OVERPAID }

    /** What a borrower asked of or told the lender that a contact rule acts on. */
    enum ContactCase { NONE, OPT_OUT_SMS, CEASE, DISPUTE, COMPLAINT_SMS, FAR_TIME_ZONE }

    /** A zone where a US loan's 06:00 New York scan is at night for the borrower (22:00-23:00): quiet hours. */
    static final ZoneId FAR_ZONE = ZoneId.of("Pacific/Auckland");

    private final Random random;
    /** Its own stream, so the repayment behaviours of a seed stay what they were before contact cases existed. */
    private final Random contactRandom;
    private final LocalDate windowStart;
    private final LocalDate windowEnd;
    private int eventSeq;

    DemoPortfolio(long seed, LocalDate windowStart, LocalDate windowEnd) {
        this.random = new Random(seed);
        this.contactRandom = new Random(seed ^ 0x5DEECE66DL);
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /** The event stream (JSON Lines) in occurredAt order. */
    List<String> events(int loans) {
        List<Timed> out = new ArrayList<>();
        for (int i = 1; i <= loans; i++) {
            loan(String.format("L-%05d", i), String.format("B-%05d", i), out);
        }
        // Noise that a real feed carries: an event for a loan never booked.
        out.add(payment("L-UNKNOWN", "P-UNKNOWN", "10.00", windowStart.plusDays(3), ZoneId.of("Asia/Shanghai")));
        out.sort(Comparator.comparing(Timed::at));
        return out.stream().map(Timed::json).toList();
    }

    private record Timed(Instant at, String json) {
    }

    private void loan(String loanId, String borrowerId, List<Timed> out) {
        boolean us = random.nextInt(100) < 20;
        ZoneId zone = ZoneId.of(us ? "America/New_York" : "Asia/Shanghai");
        ContactCase contact = contactCase(us);
        String currency = us ? "USD" : "CNY";
        int count = new int[]{3, 6, 12}[random.nextInt(3)];
        BigDecimal principal = BigDecimal.valueOf((us ? 5 : 10) + random.nextInt(us ? 50 : 190)).movePointRight(2)
                .setScale(2, RoundingMode.UNNECESSARY);
        LocalDate disbursed = windowStart.minusDays(30 + random.nextInt(120));
        BigDecimal each = principal.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        BigDecimal interest = principal.multiply(new BigDecimal("0.01")).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal fees = random.nextBoolean() ? new BigDecimal("5.00") : new BigDecimal("0.00");
        List<LocalDate> due = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        ObjectNode event = envelope("LoanBooked", loanId, disbursed.atTime(9, 0).atZone(zone).toInstant());
        ObjectNode p = event.putObject("payload");
        p.put("borrowerId", borrowerId).put("productCode", us ? "US-CONSUMER-INSTALMENT" : "CONSUMER-INSTALMENT")
                .put("currency", currency).put("jurisdiction", us ? "US" : "CN").put("timeZone", zone.getId())
                .put("principal", principal.toPlainString()).put("disbursedOn", disbursed.toString());
        ArrayNode installments = p.putArray("installments");
        for (int k = 1; k <= count; k++) {
            BigDecimal part = k == count ? principal.subtract(each.multiply(BigDecimal.valueOf(count - 1))) : each;
            LocalDate d = disbursed.plusMonths(k);
            due.add(d);
            totals.add(part.add(interest).add(fees));
            installments.addObject().put("seq", k).put("dueDate", d.toString()).put("principal", part.toPlainString())
                    .put("interest", interest.toPlainString()).put("fees", fees.toPlainString());
        }
        ObjectNode borrower = p.putObject("borrower");
        borrower.putObject("name").put("first", FIRST[random.nextInt(FIRST.length)]).put("middle", "")
                .put("last", LAST[random.nextInt(LAST.length)]);
        borrower.put("locale", us ? "en-US" : "zh-CN")
                .put("timeZone", (contact == ContactCase.FAR_TIME_ZONE ? FAR_ZONE : zone).getId())
                .put("email", borrowerId.toLowerCase() + "@example.com")
                .put("phone", us ? "+1555" + (1000000 + random.nextInt(8999999)) : "+86138" + (10000000
                        + random.nextInt(89999999)));
        if (us) {
            // What a US bureau file needs besides the name (synthetic values: 123-45-xxxx is the textbook SSN).
            borrower.put("dateOfBirth", LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12),
                    1 + random.nextInt(28)).toString());
            borrower.put("nationalId", String.format("123-45-%04d", 1 + random.nextInt(9998)));
            borrower.putObject("address").put("line1", (1 + random.nextInt(999)) + " Main Street").put("line2", "")
                    .put("city", "Albany").put("state", "NY").put("postalCode", "12207").put("country", "US");
        }
        out.add(new Timed(Instant.parse(event.get("occurredAt").asText()), event.toString()));

        Behaviour behaviour = behaviour();
        if (contact != ContactCase.NONE) {
            // The contact rules only act on reminders, so these borrowers do fall behind.
            behaviour = Behaviour.NEVER;
            contactEvent(loanId, contact, zone, out);
        }
        for (int k = 0; k < count; k++) {
            LocalDate d = due.get(k);
            BigDecimal total = totals.get(k);
            String paymentId = loanId + "-P" + (k + 1);
            switch (behaviour) {
                case ON_TIME -> add(out, payment(loanId, paymentId, total.toPlainString(),
                        d.minusDays(random.nextInt(3)), zone));
                case LATE -> add(out, payment(loanId, paymentId, total.toPlainString(),
                        d.plusDays(3 + random.nextInt(43)), zone));
                case PARTIAL -> {
                    BigDecimal first = total.multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.HALF_EVEN);
                    add(out, payment(loanId, paymentId + "a", first.toPlainString(), d, zone));
                    if (random.nextBoolean()) {
                        add(out, payment(loanId, paymentId + "b", total.subtract(first).toPlainString(),
                                d.plusDays(10 + random.nextInt(50)), zone));
                    }
                }
                case NEVER -> { }
                case REVERSED -> {
                    Timed paid = payment(loanId, paymentId, total.toPlainString(), d, zone);
                    add(out, paid);
                    if (k == 0) {
                        ObjectNode reversal = envelope("PaymentReversed", loanId,
                                paid.at().plusSeconds(3 * 86400));
                        reversal.putObject("payload").put("paymentId", paymentId).put("reason", "NSF");
                        add(out, new Timed(Instant.parse(reversal.get("occurredAt").asText()), reversal.toString()));
                    }
                }
                case OVERPAID -> {
                    if (k == 0) {
                        add(out, payment(loanId, paymentId, total.multiply(BigDecimal.valueOf(2)).toPlainString(),
                                d, zone));
                    } else if (k > 1) {
                        add(out, payment(loanId, paymentId, total.toPlainString(), d, zone));
                    }
                }
            }
        }
    }

    /** About one borrower in six has a contact case; the far time zone only for US loans. */
    private ContactCase contactCase(boolean us) {
        int r = contactRandom.nextInt(100);
        if (r < 4) {
            return ContactCase.OPT_OUT_SMS;
        }
        if (r < 6) {
            return ContactCase.CEASE;
        }
        if (r < 10) {
            return ContactCase.DISPUTE;
        }
        if (r < 13) {
            return ContactCase.COMPLAINT_SMS;
        }
        return us && r < 45 ? ContactCase.FAR_TIME_ZONE : ContactCase.NONE;
    }

    /** The event that starts the contact case, the day before the window (the borrower's zone time is not needed). */
    private void contactEvent(String loanId, ContactCase contact, ZoneId zone, List<Timed> out) {
        Instant at = windowStart.minusDays(1).atTime(12, 0).atZone(zone).toInstant();
        ObjectNode e;
        switch (contact) {
            case OPT_OUT_SMS, CEASE -> {
                e = envelope("ContactPreferencesChanged", loanId, at);
                ObjectNode p = e.putObject("payload");
                ArrayNode optOut = p.putArray("optOut");
                if (contact == ContactCase.OPT_OUT_SMS) {
                    optOut.add("SMS");
                }
                p.put("ceaseCommunication", contact == ContactCase.CEASE);
            }
            case DISPUTE -> {
                e = envelope("DisputeOpened", loanId, at);
                e.putObject("payload").put("disputeId", loanId + "-D1").put("reason", "amount not recognised");
            }
            case COMPLAINT_SMS -> {
                e = envelope("ComplaintReceived", loanId, at);
                e.putObject("payload").put("complaintId", loanId + "-C1").put("channel", "SMS")
                        .put("summary", "too many text messages");
            }
            default -> {
                return;
            }
        }
        out.add(new Timed(at, e.toString()));
    }

    private void add(List<Timed> out, Timed event) {
        if (event.at().isAfter(windowEnd.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant())) {
            return; // beyond the simulated window
        }
        out.add(event);
        int noise = random.nextInt(1000);
        if (noise < 5) {
            out.add(event); // at-least-once delivery: the same event twice
        } else if (noise < 7) {
            out.add(new Timed(event.at(), event.json().replaceFirst("\"amount\":\"([0-9]+)\\.([0-9]{2})\"",
                    "\"amount\":\"$1.$25\"")));
        }
    }

    private Behaviour behaviour() {
        int r = random.nextInt(100);
        if (r < 50) {
            return Behaviour.ON_TIME;
        }
        if (r < 70) {
            return Behaviour.LATE;
        }
        if (r < 80) {
            return Behaviour.PARTIAL;
        }
        if (r < 90) {
            return Behaviour.NEVER;
        }
        return r < 95 ? Behaviour.REVERSED : Behaviour.OVERPAID;
    }

    private Timed payment(String loanId, String paymentId, String amount, LocalDate on, ZoneId zone) {
        Instant at = on.atTime(LocalTime.of(10, random.nextInt(60))).atZone(zone).toInstant();
        ObjectNode e = envelope("PaymentReceived", loanId, at);
        e.putObject("payload").put("paymentId", paymentId).put("amount", amount).put("receivedOn", on.toString())
                .put("channel", "BANK_TRANSFER");
        return new Timed(at, e.toString());
    }

    private ObjectNode envelope(String type, String loanId, Instant occurredAt) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("eventId", String.format("E-%07d", ++eventSeq));
        e.put("type", type);
        e.put("schemaVersion", 1);
        e.put("occurredAt", occurredAt.toString());
        e.put("loanId", loanId);
        return e;
    }
}
