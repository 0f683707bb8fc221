package com.overdue.collections.core.reminder;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.config.ConfigSource;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.calendar.BusinessCalendar;
import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.loan.ScheduledInstallment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderCadenceTest {

    private static final CollectionsSettings SETTINGS = CollectionsSettings.defaults(4);
    private static final ReminderCadence CADENCE = EngineConfiguration.fromClasspath().cadence();
    private static final BusinessCalendar CN = EngineConfiguration.calendars(ConfigSource.classpath()).forJurisdiction("CN");

    private static LoanPosition aged(LocalDate due, LocalDate to) {
        LoanTerms terms = new LoanTerms("L-1", "B-1", "CONSUMER-INSTALMENT", Currency.getInstance("CNY"), "CN",
                ZoneId.of("Asia/Shanghai"), Money.of("250.00", "CNY"), due.minusMonths(1),
                List.of(new ScheduledInstallment(1, due, Money.of("250.00", "CNY"), Money.of("10.00", "CNY"),
                        Money.of("0.00", "CNY"))));
        return SETTINGS.ledger().advanceTo(SETTINGS.ledger().open(terms), to);
    }

    private static List<DueRound> due(LocalDate dueDate, LocalDate on, Set<String> sent) {
        LoanPosition p = aged(dueDate, on);
        Severity severity = SETTINGS.evaluator().evaluate(p).severity();
        return CADENCE.dueRounds(p, severity, on, CN, sent);
    }

    @Test
    void r1_waits_for_the_first_working_day_after_the_spring_festival_and_merges_with_r2_and_r3() {
        LocalDate dueDate = LocalDate.parse("2026-02-14"); // the make-up Saturday before the Spring Festival
        assertThat(CN.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse();
        LocalDate firstWorking = ReminderCadence.firstReminderDay(dueDate.plusDays(1), CN);
        assertThat(firstWorking).isAfter(LocalDate.parse("2026-02-23"));
        assertThat(CN.isWorkingDay(firstWorking)).isTrue();
        for (LocalDate d = dueDate.plusDays(1); d.isBefore(firstWorking); d = d.plusDays(1)) {
            if (!CN.isWorkingDay(d)) {
                assertThat(due(dueDate, d, Set.of())).as("nothing on holiday %s", d).isEmpty();
            }
        }
        List<DueRound> rounds = due(dueDate, firstWorking, Set.of());
        assertThat(rounds).extracting(DueRound::round).containsExactly("R1", "R2", "R3");
        assertThat(rounds).allMatch(r -> r.episode().equals("2026-02-15"));
    }

    @Test
    void a_make_up_working_saturday_is_a_working_day_for_r1() {
        LocalDate dueDate = LocalDate.parse("2026-02-13"); // Friday; Saturday 14 February is a 调休 working day
        assertThat(ReminderCadence.firstReminderDay(dueDate.plusDays(1), CN)).isEqualTo("2026-02-14");
        assertThat(due(dueDate, LocalDate.parse("2026-02-14"), Set.of())).extracting(DueRound::round)
                .containsExactly("R1");
    }

    @Test
    void r1_goes_out_the_next_working_day_and_each_round_once_per_episode() {
        LocalDate dueDate = LocalDate.parse("2026-03-10"); // a Tuesday
        Set<String> sent = new HashSet<>();
        List<DueRound> day1 = due(dueDate, dueDate.plusDays(1), sent);
        assertThat(day1).extracting(DueRound::round).containsExactly("R1");
        assertThat(day1.get(0).channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.IN_APP);
        day1.forEach(r -> sent.add(r.key()));
        assertThat(due(dueDate, dueDate.plusDays(2), sent)).isEmpty();
        List<DueRound> dpd3 = due(dueDate, dueDate.plusDays(3), sent);
        assertThat(dpd3).extracting(DueRound::round).containsExactly("R2");
        assertThat(dpd3.get(0).channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.EMAIL);
        dpd3.forEach(r -> sent.add(r.key()));
        List<DueRound> dpd7 = due(dueDate, dueDate.plusDays(7), sent);
        assertThat(dpd7).extracting(DueRound::round).containsExactly("R3");
        dpd7.forEach(r -> sent.add(r.key()));
        assertThat(due(dueDate, dueDate.plusDays(13), sent)).isEmpty();
        List<DueRound> dpd14 = due(dueDate, dueDate.plusDays(14), sent);
        assertThat(dpd14).extracting(DueRound::round).containsExactly("W14");
        dpd14.forEach(r -> sent.add(r.key()));
        assertThat(due(dueDate, dueDate.plusDays(15), sent)).isEmpty();
        assertThat(due(dueDate, dueDate.plusDays(21), sent)).extracting(DueRound::round).containsExactly("W21");
    }

    @Test
    void moderate_loans_get_no_automated_reminder_and_a_current_loan_no_courtesy_unless_its_product_enables_it() {
        LocalDate dueDate = LocalDate.parse("2026-03-10");
        assertThat(due(dueDate, dueDate.plusDays(31), Set.of())).isEmpty();
        assertThat(CADENCE.courtesy().enabled()).isTrue();
        assertThat(CADENCE.courtesy().daysBeforeDue()).isEqualTo(3);
        LoanPosition early = aged(dueDate, dueDate.minusDays(2));
        // CONSUMER-INSTALMENT does not enable the courtesy reminder.
        assertThat(CADENCE.dueRounds(early, Severity.CURRENT, dueDate.minusDays(2), CN, Set.of(), false)).isEmpty();
        List<DueRound> courtesy = CADENCE.dueRounds(early, Severity.CURRENT, dueDate.minusDays(2), CN, Set.of(),
                true);
        assertThat(courtesy).extracting(DueRound::key).containsExactly(
                early.terms().loanId() + "#due-2026-03-10#COURTESY");
        assertThat(CADENCE.dueRounds(early, Severity.CURRENT, dueDate.minusDays(2), CN,
                Set.of(courtesy.get(0).key()), true)).isEmpty();
        assertThat(CADENCE.sendAt()).hasToString("09:00");
    }
}
