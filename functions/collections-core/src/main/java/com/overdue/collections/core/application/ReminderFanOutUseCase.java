package com.overdue.collections.core.application;

import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.delinquency.Severity;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.BorrowerLoans;
import com.overdue.collections.core.port.ContactLedger;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.core.reminder.DueRound;
import com.overdue.collections.core.reminder.ReminderCadence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code reminderFanOut} worker (RULES §5): for the borrower of a work item, finds the reminder rounds due on
 * the business date over all of the borrower's loans, and opens one message for them (one per borrower per business
 * date, listing every overdue loan) on the union of the rounds' channels. Opening is a conditional write of the
 * round markers and the planned contacts together, so a re-run or a duplicate item (another loan of the same
 * borrower) opens nothing twice; the contacts are then attempted if their planned time has come, else the sweep
 * attempts them at that time.
 */
public final class ReminderFanOutUseCase implements DailyWorker {

    /** What one work item led to: the rounds opened and the outcome per contact attempted now. */
    public record Result(String borrowerId, LocalDate businessDate, List<String> roundsOpened, boolean opened,
                         Map<Channel, ContactState> outcomes) {
    }

    private final LoanRepository loans;
    private final BorrowerLoans borrowerLoans;
    private final BorrowerDirectory borrowers;
    private final ContactLedger ledger;
    private final ReminderDelivery delivery;
    private final ReminderCadence cadence;
    private final BusinessCalendars calendars;
    private final CollectionsSettings settings;

    public ReminderFanOutUseCase(LoanRepository loans, BorrowerLoans borrowerLoans, BorrowerDirectory borrowers,
                                 ContactLedger ledger, ReminderDelivery delivery, ReminderCadence cadence,
                                 BusinessCalendars calendars, CollectionsSettings settings) {
        this.loans = loans;
        this.borrowerLoans = borrowerLoans;
        this.borrowers = borrowers;
        this.ledger = ledger;
        this.delivery = delivery;
        this.cadence = cadence;
        this.calendars = calendars;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "reminderFanOut";
    }

    @Override
    public void handle(WorkItem item) {
        fanOut(item.loanId(), item.borrowerId(), item.businessDate());
    }

    public Result fanOut(String loanId, String borrowerId, LocalDate businessDate) {
        if (borrowerId == null || borrowerId.isBlank()) {
            throw new IllegalArgumentException("work item for loan " + loanId + " has no borrowerId");
        }
        ContactLedger.BorrowerView view = ledger.view(borrowerLoans, borrowerId, businessDate);
        Set<String> loanIds = new TreeSet<>(view.loanIds());
        loanIds.add(loanId);
        Set<String> opened = view.openedRounds();
        List<DueRound> due = new ArrayList<>();
        List<LoanPosition> overdue = new ArrayList<>();
        List<LoanPosition> courtesy = new ArrayList<>();
        Map<String, LoanRecord> loaded = new java.util.HashMap<>();
        Optional<Borrower> borrower = null;
        for (String id : loanIds) {
            Optional<LoanRecord> loan = loans.findLoan(id);
            loan.ifPresent(l -> loaded.put(id, l));
            if (loan.isEmpty()) {
                if (id.equals(loanId)) {
                    throw new IllegalArgumentException("work item for unknown loan " + loanId);
                }
                continue;
            }
            LoanPosition p = loan.get().position();
            if (businessDate.isAfter(p.asOf())) {
                p = settings.ledger().advanceTo(p, businessDate);
            }
            if (p.isClosed()) {
                continue;
            }
            Severity severity = settings.evaluator().evaluate(p).severity();
            List<DueRound> rounds = cadence.dueRounds(p, severity, businessDate,
                    calendars.forJurisdiction(p.terms().jurisdiction()), opened,
                    settings.reviewSchedule().hasCourtesy(p.terms().productCode()));
            due.addAll(rounds);
            if (p.isOverdue()) {
                overdue.add(p);
            } else if (!rounds.isEmpty()) {
                courtesy.add(p); // a healthy loan's only round is its courtesy reminder
            }
        }
        Map<Channel, ContactState> outcomes = new EnumMap<>(Channel.class);
        List<ContactRecord> contacts;
        List<String> roundKeys = due.stream().map(DueRound::key).toList();
        boolean openedNow = false;
        // The message is about the overdue loans; only when none is overdue, about the loans owed a courtesy reminder.
        List<LoanPosition> about = overdue.isEmpty() ? courtesy : overdue;
        if (!due.isEmpty() && !about.isEmpty()) {
            borrower = borrowers.findBorrower(borrowerId);
            LoanPosition first = about.get(0);
            Optional<Borrower> profile = borrower;
            ZoneId zone = profile.map(Borrower::timeZone).filter(tz -> tz != null && !tz.isBlank()).map(ZoneId::of)
                    .orElse(first.terms().timeZone());
            String locale = profile.map(Borrower::locale).filter(l -> l != null && !l.isBlank())
                    .orElse("CN".equals(first.terms().jurisdiction()) ? "zh-CN" : "en-US");
            Instant now = delivery.clock().instant();
            Instant planned = businessDate.atTime(cadence.sendAt()).atZone(zone).toInstant();
            Instant dueAt = planned.isAfter(now) ? planned : now;
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            due.forEach(r -> channels.addAll(r.channels()));
            List<String> overdueIds = about.stream().map(p -> p.terms().loanId()).toList();
            List<String> jurisdictions = about.stream().map(p -> p.terms().jurisdiction()).distinct().toList();
            String messageId = messageId(borrowerId, businessDate);
            contacts = new ArrayList<>();
            for (Channel channel : channels) {
                contacts.add(ContactRecord.planned(borrowerId, businessDate, channel, messageId, dueAt, roundKeys,
                        overdueIds, jurisdictions, locale, zone.getId()));
            }
            openedNow = ledger.open(borrowerId, roundKeys, contacts);
            if (!openedNow) {
                contacts = ledger.message(borrowerId, businessDate);
            }
        } else {
            // Nothing new is due, but an earlier run of the same day may have stopped before attempting its contacts.
            contacts = view.message();
        }
        delivery.attemptAll(contacts, loaded, borrower).forEach(r -> outcomes.put(r.channel(), r.state()));
        return new Result(borrowerId, businessDate, openedNow ? roundKeys : List.of(), openedNow, outcomes);
    }

    /** A stable id for the borrower's message of a business date: the same on every re-run; the opt-out token. */
    static String messageId(String borrowerId, LocalDate businessDate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((borrowerId + "#" + businessDate).getBytes(StandardCharsets.UTF_8));
            return "M" + businessDate.toString().replace("-", "") + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
