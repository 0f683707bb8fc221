package com.overdue.collections.core.reminder;

import com.overdue.collections.core.calendar.BusinessCalendar;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.InstallmentPosition;
import com.overdue.collections.core.ledger.LoanPosition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which reminder rounds are due for a loan on a business date (RULES §5). R1 goes out on the first working day after
 * the due date that opened the delinquency episode; later rounds by days past due (R2 at 3, R3 at 7), then one every
 * {@code repeatEveryDays} while the loan's severity allows reminders. Nothing goes out before R1's day, so a long
 * holiday merges R1..R3 into one message. A round missed (e.g. the worker was down) is caught up the next day; of the
 * repeating rounds only the latest is sent. Each round once per episode: rounds whose keys are in {@code sent} are
 * not due again.
 */
public final class ReminderCadence {

    /** What triggers a fixed round. */
    public enum Trigger { FIRST_WORKING_DAY_AFTER_DUE, DAYS_PAST_DUE }

    /** A fixed round: code, trigger (and its days past due), channels. */
    public record Round(String code, Trigger trigger, int daysPastDue, Set<Channel> channels) {
        public Round {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(trigger, "trigger");
            channels = Set.copyOf(channels);
        }
    }

    /** The optional courtesy reminder {@code daysBeforeDue} days before an installment falls due. */
    public record Courtesy(boolean enabled, int daysBeforeDue, Set<Channel> channels) {
        public Courtesy {
            channels = Set.copyOf(channels);
        }
    }

    public static final String COURTESY = "COURTESY";
    /** Prefix of the repeating rounds' codes, followed by the days past due they are for: W14, W21, W28. */
    public static final String REPEAT_PREFIX = "W";

    private final List<Round> rounds;
    private final int repeatEveryDays;
    private final Set<Channel> repeatChannels;
    private final Set<Severity> severities;
    private final Courtesy courtesy;
    private final java.time.LocalTime sendAt;

    public ReminderCadence(List<Round> rounds, int repeatEveryDays, Set<Channel> repeatChannels,
                           Set<Severity> severities, Courtesy courtesy, java.time.LocalTime sendAt) {
        if (rounds.isEmpty() || rounds.get(0).trigger() != Trigger.FIRST_WORKING_DAY_AFTER_DUE) {
            throw new IllegalArgumentException("the first round must be on the first working day after the due date");
        }
        this.rounds = List.copyOf(rounds);
        this.repeatEveryDays = repeatEveryDays;
        this.repeatChannels = Set.copyOf(repeatChannels);
        this.severities = Set.copyOf(severities);
        this.courtesy = Objects.requireNonNull(courtesy, "courtesy");
        this.sendAt = Objects.requireNonNull(sendAt, "sendAt");
    }

    /** The borrower-local time of day a round's message is planned for on its business date. */
    public java.time.LocalTime sendAt() {
        return sendAt;
    }

    public Courtesy courtesy() {
        return courtesy;
    }

    /** The day R1 goes out for an episode that began on {@code episodeStart} (the date of first delinquency). */
    public static LocalDate firstReminderDay(LocalDate episodeStart, BusinessCalendar calendar) {
        return calendar.nextWorkingDayAfter(episodeStart.minusDays(1));
    }

    /**
     * The rounds due for the loan on {@code date}. {@code position} must be aged to {@code date}; {@code severity}
     * is its severity on that date.
     */
    public List<DueRound> dueRounds(LoanPosition position, Severity severity, LocalDate date,
                                    BusinessCalendar calendar, Set<String> sent) {
        return dueRounds(position, severity, date, calendar, sent, true);
    }

    /**
     * As {@link #dueRounds(LoanPosition, Severity, LocalDate, BusinessCalendar, Set)}; the courtesy round only when
     * {@code productCourtesy} (the loan's product enables it) and the cadence's courtesy is on.
     */
    public List<DueRound> dueRounds(LoanPosition position, Severity severity, LocalDate date,
                                    BusinessCalendar calendar, Set<String> sent, boolean productCourtesy) {
        String loanId = position.terms().loanId();
        if (position.isClosed()) {
            return List.of();
        }
        if (!position.isOverdue()) {
            return productCourtesy ? courtesyRound(position, date, sent).map(List::of).orElse(List.of()) : List.of();
        }
        LocalDate episodeStart = position.dateOfFirstDelinquency();
        if (episodeStart == null || !severities.contains(severity)) {
            return List.of();
        }
        String episode = episodeStart.toString();
        if (date.isBefore(firstReminderDay(episodeStart, calendar))) {
            return List.of();
        }
        int dpd = position.daysPastDue();
        List<DueRound> due = new ArrayList<>();
        int lastFixedDpd = 0;
        for (Round r : rounds) {
            boolean reached = r.trigger() == Trigger.FIRST_WORKING_DAY_AFTER_DUE || dpd >= r.daysPastDue();
            if (r.trigger() == Trigger.DAYS_PAST_DUE) {
                lastFixedDpd = Math.max(lastFixedDpd, r.daysPastDue());
            }
            if (reached && !sent.contains(DueRound.key(loanId, episode, r.code()))) {
                due.add(new DueRound(loanId, episode, r.code(), r.channels()));
            }
        }
        if (repeatEveryDays > 0 && dpd >= lastFixedDpd + repeatEveryDays) {
            int latest = lastFixedDpd + (dpd - lastFixedDpd) / repeatEveryDays * repeatEveryDays;
            String code = REPEAT_PREFIX + latest;
            if (!sent.contains(DueRound.key(loanId, episode, code))) {
                due.add(new DueRound(loanId, episode, code, repeatChannels));
            }
        }
        return due;
    }

    private Optional<DueRound> courtesyRound(LoanPosition position, LocalDate date, Set<String> sent) {
        if (!courtesy.enabled()) {
            return Optional.empty();
        }
        Optional<InstallmentPosition> next = position.nextUnpaid();
        if (next.isEmpty() || !next.get().dueDate().isAfter(date)
                || date.isBefore(next.get().dueDate().minusDays(courtesy.daysBeforeDue()))) {
            return Optional.empty();
        }
        String episode = "due-" + next.get().dueDate();
        if (sent.contains(DueRound.key(position.terms().loanId(), episode, COURTESY))) {
            return Optional.empty();
        }
        return Optional.of(new DueRound(position.terms().loanId(), episode, COURTESY, courtesy.channels()));
    }
}
