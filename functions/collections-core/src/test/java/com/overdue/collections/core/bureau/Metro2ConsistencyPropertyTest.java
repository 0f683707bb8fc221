package com.overdue.collections.core.bureau;

import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.ScheduledInstallment;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.PaymentHistoryProfile;
import com.overdue.collections.core.metro2.PaymentRating;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency rules between Account Status, Payment Rating, Payment History Profile, Amount Past Due, Current
 * Balance, Date of First Delinquency, Date Closed and Special Comment (docs/credit-reporting.md, "Consistency rules",
 * R1–R12), over random loan histories run through ingestion, the ledger, the cycle rules and the writer: payments of
 * any size on any day, reversals, a hardship plan or a deferral, a charge-off (sometimes paid afterwards), a
 * settlement, a sale or a payoff. Every cycle's file is also checked by moov-io/metro2 (BureauScenario).
 */
class Metro2ConsistencyPropertyTest {

    private static final String PRODUCT = "US-CONSUMER-INSTALMENT";
    private static final LocalDate DISBURSED = LocalDate.of(2026, 1, 1);
    private static final List<LocalDate> CYCLES = BureauScenario.monthEnds(LocalDate.of(2026, 1, 31), 12);
    private static final String LOAN = "L-PROP-1";

    /** One payment: when (days after disbursement), how much, and whether and when it bounces. */
    record Payment(int day, String amount, boolean reversed, int reversalDelay) {
    }

    /** A hardship arrangement: an instalment plan or a deferral, decided on {@code day}. */
    record Arrangement(boolean deferral, int day, int offset, String amount, int seq) {
    }

    /** How the loan ends, if it does within the year: closure reason (or PAYOFF) on {@code day}. */
    record Ending(String kind, int day) {
    }

    record History(int installments, int firstDueDay, List<Payment> payments, Arrangement arrangement,
                   Ending ending) {
    }

    @Property(tries = 60)
    void every_cycle_of_every_history_keeps_the_consistency_rules(@ForAll("histories") History h) {
        BureauScenario s = new BureauScenario("consistency-property", BureauScenario.defaultSettings());
        LocalDate firstDue = LocalDate.of(2026, 1, h.firstDueDay());
        s.book(LOAN, "US", PRODUCT, DISBURSED, firstDue, h.installments());
        LocalDate closedOn = h.ending() == null || h.ending().kind().equals("PAYOFF")
                ? null : DISBURSED.plusDays(h.ending().day());
        boolean chargeOff = h.ending() != null && h.ending().kind().equals("WRITTEN_OFF");
        for (Payment p : h.payments()) {
            LocalDate on = DISBURSED.plusDays(p.day());
            if (closedOn != null && !chargeOff && !on.isBefore(closedOn)) {
                continue; // a settled or sold account takes no payments here; a charged-off one still may
            }
            String id = s.pay(LOAN, on, p.amount());
            if (p.reversed()) {
                s.reverse(LOAN, id, on.plusDays(p.reversalDelay()));
            }
        }
        Arrangement a = h.arrangement();
        if (a != null && (closedOn == null || DISBURSED.plusDays(a.day()).isBefore(closedOn))) {
            LocalDate on = DISBURSED.plusDays(a.day());
            if (a.deferral()) {
                s.deferral(LOAN, "H-1", on, a.seq(), on.plusDays(a.offset()));
            } else {
                s.instalmentPlan(LOAN, "H-1", on, on.plusDays(a.offset()), a.amount());
            }
        }
        if (h.ending() != null) {
            if (h.ending().kind().equals("PAYOFF")) {
                s.pay(LOAN, DISBURSED.plusDays(h.ending().day()), "2000.00");
            } else {
                s.close(LOAN, closedOn, h.ending().kind());
            }
        }

        Map<LocalDate, LoanPosition> seen = new TreeMap<>();
        Map<LocalDate, String> files = new TreeMap<>();
        for (LocalDate cycle : CYCLES) {
            if (s.exportCycle(cycle).fileLocation() != null) {
                files.put(cycle, s.file(cycle));
            }
            seen.put(cycle, s.positionAsKnownOn(LOAN, cycle));
        }

        BureauRecord previous = null;
        for (LocalDate cycle : CYCLES) {
            BureauRecord r = s.world.find(LOAN, cycle).orElse(null);
            if (previous != null && previous.isFinalReport()) {
                // R12: a paid (13) or paid-after-charge-off (64) account is reported once, then no more.
                assertThat(r).as("after the final report, %s", cycle).isNull();
                continue;
            }
            assertThat(r).as("record of %s", cycle).isNotNull();
            check(r, previous, seen.get(cycle), files.get(cycle));
            Statistics.label("status").collect(r.accountStatus().code());
            Statistics.label("special comment").collect(r.specialComment().isEmpty() ? "blank" : r.specialComment());
            previous = r;
        }
    }

    private static void check(BureauRecord r, BureauRecord previous, LoanPosition p, String file) {
        LocalDate cycle = r.cycleDate();
        AccountStatus status = r.accountStatus();
        String what = cycle + " status " + status.code();
        // A write-off of an account that was never delinquent (no DOFD) or whose loss is under one dollar (credit
        // covers what is left, or only cents remain: Metro 2 amounts are whole dollars, cents truncated): the writer
        // refuses a 97/64 without DOFD or with an Original Charge-off Amount of 0, so the account is rejected for
        // review and left out of the file, never reported inconsistent.
        boolean unreportableChargeOff = status.isChargeOff()
                && (r.originalChargeOffAmount().compareTo(java.math.BigDecimal.ONE) < 0
                || r.dateFirstDelinquency() == null);
        assertThat(r.disposition()).as(what).isEqualTo(unreportableChargeOff ? ReportingDisposition.REJECTED
                : ReportingDisposition.REPORTED);
        if (unreportableChargeOff) {
            assertThat(file == null || !file.contains(LOAN)).as(what + " left out of the file").isTrue();
            return;
        }
        boolean chargedOff = p.closure() != null && "WRITTEN_OFF".equals(p.closure().reason());
        boolean closed = p.closure() != null && !chargedOff;
        // A charged-off balance is owed at once: paid once nothing is owed, though the ledger holds the credit for
        // installments not yet due until their dates.
        boolean paid = p.isFullyPaid() || chargedOff && owedNow(p).signum() <= 0;
        int dpd = p.daysPastDue();

        // R1: open accounts are banded by the days past due of the oldest unpaid installment (paused days excluded).
        if (!chargedOff && !closed && !p.isFullyPaid()) {
            assertThat(status).as(what + ", " + dpd + " DPD").isEqualTo(band(dpd));
        }
        // R2: charge-off and closure statuses.
        if (chargedOff) {
            assertThat(status).as(what).isEqualTo(paid ? AccountStatus.PAID_AFTER_CHARGE_OFF
                    : AccountStatus.CHARGED_OFF);
        } else if (closed || p.isFullyPaid()) {
            assertThat(status).as(what).isEqualTo(AccountStatus.PAID_OR_CLOSED);
        }

        // R3: a Payment Rating with 13 only; '0' when paid in full.
        assertThat(r.paymentRating() != null).as(what + " rating").isEqualTo(status == AccountStatus.PAID_OR_CLOSED);
        if (status == AccountStatus.PAID_OR_CLOSED && !closed) {
            assertThat(r.paymentRating()).as(what).isEqualTo(PaymentRating.CURRENT);
        }
        if (status == AccountStatus.PAID_OR_CLOSED && closed) {
            // Closed with a balance: the band of the oldest installment unpaid on the closure date.
            LocalDate on = p.closure().on();
            int atClosure = p.installments().stream().filter(i -> i.isUnpaid() && i.dueDate().isBefore(on))
                    .findFirst().map(i -> (int) (on.toEpochDay() - i.dueDate().toEpochDay())).orElse(0);
            String expected = band(atClosure).code();
            assertThat(r.paymentRating().code()).as(what + ", " + atClosure + " DPD at closure")
                    .isEqualTo(expected.equals("11") ? '0' : (char) ('1' + List.of("71", "78", "80", "82", "83", "84")
                            .indexOf(expected)));
        }

        // R4: Amount Past Due is what is 30 days or more late: 0 when current, closed or paid; all of it when 97.
        BigDecimal thirtyPlus = p.installments().stream().filter(i -> i.daysPastDue(cycle) >= 30)
                .map(i -> i.remaining().total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        switch (status) {
            case CURRENT, PAID_OR_CLOSED, PAID_AFTER_CHARGE_OFF -> assertThat(r.amountPastDue()).as(what).isZero();
            case CHARGED_OFF -> assertThat(r.amountPastDue()).as(what).isEqualByComparingTo(r.currentBalance());
            default -> assertThat(r.amountPastDue()).as(what).isEqualByComparingTo(thirtyPlus).isPositive();
        }
        // R5: never more past due than owed.
        assertThat(r.amountPastDue()).as(what).isLessThanOrEqualTo(r.currentBalance());
        // R6: nothing owed on a paid or closed account; something owed while delinquent.
        if (status == AccountStatus.PAID_OR_CLOSED || status == AccountStatus.PAID_AFTER_CHARGE_OFF) {
            assertThat(r.currentBalance()).as(what).isZero();
            assertThat(r.scheduledPayment()).as(what).isZero();
        }
        if (status.isDerogatory() && status != AccountStatus.PAID_AFTER_CHARGE_OFF) {
            assertThat(r.currentBalance()).as(what).isPositive();
        }

        // R7: a DOFD exactly when the report is negative, never after the cycle; fixed once charged off.
        boolean lateRating = r.paymentRating() != null && r.paymentRating() != PaymentRating.CURRENT;
        assertThat(r.dateFirstDelinquency() != null).as(what + " DOFD").isEqualTo(status.isDerogatory()
                || lateRating);
        if (r.dateFirstDelinquency() != null) {
            assertThat(r.dateFirstDelinquency()).as(what).isBeforeOrEqualTo(cycle);
        }
        if (status.isChargeOff()) {
            assertThat(r.dateFirstDelinquency()).as(what + " DOFD before the charge-off")
                    .isBeforeOrEqualTo(r.chargedOffOn());
        }
        if (status.isChargeOff() && previous != null && previous.accountStatus().isChargeOff()
                && previous.disposition() == ReportingDisposition.REPORTED) {
            assertThat(r.dateFirstDelinquency()).as(what).isEqualTo(previous.dateFirstDelinquency());
            assertThat(r.originalChargeOffAmount()).as(what).isEqualByComparingTo(previous.originalChargeOffAmount());
        }

        // R8: Date Closed exactly for 13, 97 and 64, never after the cycle; the charge-off date for 97 and 64.
        boolean closedStatus = status == AccountStatus.PAID_OR_CLOSED || status.isChargeOff();
        assertThat(r.dateClosed() != null).as(what + " Date Closed").isEqualTo(closedStatus);
        if (r.dateClosed() != null) {
            assertThat(r.dateClosed()).as(what).isBeforeOrEqualTo(cycle);
        }
        if (status.isChargeOff()) {
            assertThat(r.dateClosed()).as(what).isEqualTo(p.closure().on());
        }

        // R9: this month's code follows from the status; R10: the profile starts with last cycle's code.
        assertThat(r.historyCode().code()).as(what + " month code").isEqualTo(monthCode(r));
        if (previous == null) {
            assertThat(r.paymentHistoryProfile()).as(what).isEqualTo(PaymentHistoryProfile.noHistory());
        } else {
            String prof = r.paymentHistoryProfile().value();
            assertThat(prof.substring(1)).as(what).isEqualTo(previous.paymentHistoryProfile().value().substring(0, 23));
            if (r.correction() == null) {
                assertThat(prof.charAt(0)).as(what + " profile[0]").isEqualTo(monthCode(previous));
            } else {
                // Restated from today's event history (a back-dated payment, a reversal): the correction says to what.
                assertThat(r.correction()).as(what).contains(" to " + prof.charAt(0) + " (");
            }
        }

        // R11: the Special Comment tells the arrangement or the closure.
        String comment;
        if (closed) {
            comment = switch (p.closure().reason()) {
                case "SETTLED" -> "AU";
                case "SOLD" -> "AH";
                default -> "";
            };
        } else if (paid) {
            comment = p.conditions().waivers().stream()
                    .anyMatch(com.overdue.collections.core.ledger.SettlementOffer::isOfferWaiver) ? "AU" : "";
        } else if (p.conditions().activeHardship().isPresent()) {
            comment = "AC";
        } else {
            comment = deferralRunning(p) ? "CP" : "";
        }
        assertThat(r.specialComment()).as(what + " special comment").isEqualTo(comment);

        // The file carries what the record says, amounts in whole dollars (cents dropped).
        String base = file.lines().filter(l -> l.contains(LOAN) && !l.startsWith("0426HEADER")).findFirst()
                .orElseThrow();
        assertThat(field(base, Field.ACCOUNT_STATUS)).as(what).isEqualTo(status.code());
        assertThat(field(base, Field.PAYMENT_RATING)).as(what)
                .isEqualTo(r.paymentRating() == null ? " " : String.valueOf(r.paymentRating().code()));
        assertThat(field(base, Field.PAYMENT_HISTORY_PROFILE)).as(what)
                .isEqualTo(r.paymentHistoryProfile().value());
        assertThat(field(base, Field.SPECIAL_COMMENT).strip()).as(what).isEqualTo(comment);
        long balance = Long.parseLong(field(base, Field.CURRENT_BALANCE));
        long pastDue = Long.parseLong(field(base, Field.AMOUNT_PAST_DUE));
        assertThat(balance).as(what).isEqualTo(whole(r.currentBalance()));
        assertThat(pastDue).as(what).isEqualTo(whole(r.amountPastDue())).isLessThanOrEqualTo(balance);
        assertThat(field(base, Field.DATE_FIRST_DELINQUENCY)).as(what)
                .isEqualTo(mmddyyyy(r.dateFirstDelinquency()));
        assertThat(field(base, Field.DATE_CLOSED)).as(what).isEqualTo(mmddyyyy(r.dateClosed()));
        assertThat(field(base, Field.DATE_ACCOUNT_INFORMATION)).as(what).isEqualTo(mmddyyyy(cycle));
    }

    /** The base segment fields checked, 1-based start and width as the Credit Reporting Resource Guide lists them. */
    private enum Field {
        ACCOUNT_STATUS(124, 2), PAYMENT_RATING(126, 1), PAYMENT_HISTORY_PROFILE(127, 24), SPECIAL_COMMENT(151, 2),
        CURRENT_BALANCE(155, 9), AMOUNT_PAST_DUE(164, 9), DATE_ACCOUNT_INFORMATION(182, 8),
        DATE_FIRST_DELINQUENCY(190, 8), DATE_CLOSED(198, 8);

        private final int start;
        private final int length;

        Field(int start, int length) {
            this.start = start;
            this.length = length;
        }

        int start() {
            return start;
        }

        int length() {
            return length;
        }
    }

    private static AccountStatus band(int dpd) {
        return dpd >= 180 ? AccountStatus.PAST_DUE_180_PLUS
                : dpd >= 150 ? AccountStatus.PAST_DUE_150_179
                : dpd >= 120 ? AccountStatus.PAST_DUE_120_149
                : dpd >= 90 ? AccountStatus.PAST_DUE_90_119
                : dpd >= 60 ? AccountStatus.PAST_DUE_60_89
                : dpd >= 30 ? AccountStatus.PAST_DUE_30_59
                : AccountStatus.CURRENT;
    }

    /** R9 on its own: the month's Payment History code a record's status, rating and balance call for. */
    private static char monthCode(BureauRecord r) {
        return switch (r.accountStatus()) {
            case CURRENT -> r.currentBalance().signum() > 0 ? '0' : 'E';
            case PAST_DUE_30_59 -> '1';
            case PAST_DUE_60_89 -> '2';
            case PAST_DUE_90_119 -> '3';
            case PAST_DUE_120_149 -> '4';
            case PAST_DUE_150_179 -> '5';
            case PAST_DUE_180_PLUS -> '6';
            case CHARGED_OFF, PAID_AFTER_CHARGE_OFF -> 'L';
            case PAID_OR_CLOSED -> r.paymentRating() == PaymentRating.CURRENT ? 'E' : r.paymentRating().code();
        };
    }

    /** Principal not repaid, plus interest, fees and penalty of installments already due, less unapplied credit. */
    private static BigDecimal owedNow(LoanPosition p) {
        BigDecimal owed = BigDecimal.ZERO;
        for (InstallmentPosition i : p.installments()) {
            owed = owed.add(i.remaining(Component.PRINCIPAL).amount());
            if (!i.dueDate().isAfter(p.asOf())) {
                owed = owed.add(i.remaining(Component.INTEREST).amount()).add(i.remaining(Component.FEES).amount())
                        .add(i.remaining(Component.PENALTY).amount());
            }
        }
        return owed.subtract(p.unappliedCredit().amount());
    }

    /** A payment moved later than the contract's due date and not due yet. */
    private static boolean deferralRunning(LoanPosition p) {
        for (InstallmentPosition i : p.installments()) {
            LocalDate contractual = p.terms().schedule().stream().filter(x -> x.seq() == i.seq())
                    .map(ScheduledInstallment::dueDate).findFirst().orElseThrow();
            if (i.isUnpaid() && i.dueDate().isAfter(p.asOf()) && i.dueDate().isAfter(contractual)) {
                return true;
            }
        }
        return false;
    }

    private static String field(String record, Field f) {
        return record.substring(f.start() - 1, f.start() - 1 + f.length());
    }

    private static long whole(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static String mmddyyyy(LocalDate date) {
        return date == null ? "00000000"
                : String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Payment> payment = Combinators.combine(
                Arbitraries.integers().between(0, 330),
                Arbitraries.of("25.00", "50.00", "99.50", "100.00", "100.00", "100.00", "150.00", "200.00", "300.00"),
                Arbitraries.integers().between(0, 9).map(n -> n == 0),
                Arbitraries.integers().between(1, 25)).as(Payment::new);
        Arbitrary<Arrangement> arrangement = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(10, 250),
                Arbitraries.integers().between(5, 90),
                Arbitraries.of("50.00", "100.00", "250.00"),
                Arbitraries.integers().between(1, 3)).as(Arrangement::new);
        Arbitrary<Ending> ending = Combinators.combine(
                Arbitraries.of("WRITTEN_OFF", "WRITTEN_OFF", "SETTLED", "SOLD", "PAID_OFF", "PAYOFF"),
                Arbitraries.integers().between(45, 320)).as(Ending::new);
        return Combinators.combine(
                Arbitraries.integers().between(3, 8),
                Arbitraries.integers().between(1, 28),
                payment.list().ofMaxSize(10),
                arrangement.injectNull(0.5),
                ending.injectNull(0.4)).as(History::new);
    }
}
