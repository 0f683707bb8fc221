package com.overdue.collections.core.application;

import com.overdue.collections.core.contact.ContactConditions;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.contact.ContactPurpose;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactRequest;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.contact.PastContact;
import com.overdue.collections.core.contact.RuleVerdict;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.ContactJournal;
import com.overdue.collections.core.port.ContactLedger;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReminderRenderer;
import com.overdue.collections.core.port.ReminderSender;
import com.overdue.collections.core.reminder.GreetingName;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.reminder.ReminderDigest;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.port.SettlementOffers;
import com.overdue.collections.core.reminder.RenderedMessage;
import com.overdue.collections.core.reminder.SenderProfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one planned contact whose time has come, shared by the fan-out and the deferred-send sweep: claims it (so
 * two workers never send it twice), rebuilds the digest from the loans as they are now, asks the contact policy,
 * and sends, defers or suppresses it, storing the evaluation with the outcome. Nothing is dropped silently: every
 * path ends in a stored state.
 */
public final class ReminderDelivery {

    /** A provider refusal is retried this many times in all (by the sweep, 15 minutes apart), then final. */
    public static final int MAX_ATTEMPTS = 3;
    static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    /**
     * A claim is held this long: longer than the longest timeout of a function that sends (the sweep, 300 s), so a
     * live sender is never overtaken; after it the sweep claims the contact again.
     */
    public static final Duration SENDING_LEASE = Duration.ofMinutes(10);
    /** Caps and call limits look back this far (the longest window in the packs is 7 days). */
    static final int HISTORY_DAYS = 8;

    static final String NOTHING_OVERDUE = "nothingOverdue";
    static final String CONTACT_DETAILS = "contactDetails";

    private final LoanRepository loans;
    private final BorrowerDirectory borrowers;
    private final ContactLedger ledger;
    private final ContactPolicy policy;
    private final ReminderRenderer renderer;
    private final ReminderSender sender;
    private final SenderProfiles senders;
    private final CollectionsSettings settings;
    private final ContactJournal journal;
    private final Clock clock;
    private final SettlementOffers offers;

    public ReminderDelivery(LoanRepository loans, BorrowerDirectory borrowers, ContactLedger ledger,
                            ContactPolicy policy, ReminderRenderer renderer, ReminderSender sender,
                            SenderProfiles senders, CollectionsSettings settings, ContactJournal journal, Clock clock) {
        this(loans, SettlementOffers.NONE, borrowers, ledger, policy, renderer, sender, senders, settings, journal,
                clock);
    }

    /** With the settlement offers made: a reminder sent while one is open tells its amount and last day. */
    public ReminderDelivery(LoanRepository loans, SettlementOffers offers, BorrowerDirectory borrowers,
                            ContactLedger ledger, ContactPolicy policy, ReminderRenderer renderer,
                            ReminderSender sender, SenderProfiles senders, CollectionsSettings settings,
                            ContactJournal journal, Clock clock) {
        this.offers = offers;
        this.loans = loans;
        this.borrowers = borrowers;
        this.ledger = ledger;
        this.policy = policy;
        this.renderer = renderer;
        this.sender = sender;
        this.senders = senders;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Attempts the contact if it is waiting and due. Returns the stored outcome, or empty when it was not due, not
     * waiting, or another worker claimed it first.
     */
    public Optional<ContactRecord> attempt(ContactRecord record) {
        List<ContactRecord> done = attemptAll(List.of(record));
        return done.isEmpty() ? Optional.empty() : Optional.of(done.get(0));
    }

    /**
     * Attempts the contacts that are waiting and due, reading each borrower's loans, profile and contact history
     * once for all of the borrower's contacts (the channels of one message). Returns the stored outcomes.
     */
    public List<ContactRecord> attemptAll(List<ContactRecord> records) {
        return attemptAll(records, Map.of(), null);
    }

    /**
     * As {@link #attemptAll(List)}, with the loans and the profile the caller has just read (the fan-out), so they
     * are not read again; loans missing from {@code loaded} and a null {@code borrower} are read here.
     */
    List<ContactRecord> attemptAll(List<ContactRecord> records, Map<String, LoanRecord> loaded,
                                   Optional<Borrower> borrower) {
        Instant now = clock.instant();
        Map<String, List<ContactRecord>> byBorrower = new LinkedHashMap<>();
        for (ContactRecord r : records) {
            if (r.state().attemptable() && r.dueAt() != null && !r.dueAt().isAfter(now)) {
                byBorrower.computeIfAbsent(r.borrowerId(), b -> new ArrayList<>()).add(r);
            }
        }
        List<ContactRecord> out = new ArrayList<>();
        for (List<ContactRecord> group : byBorrower.values()) {
            List<ContactRecord> claimed = new ArrayList<>();
            for (ContactRecord r : group) {
                ContactRecord c = r.claimed(now, SENDING_LEASE);
                if (ledger.update(c, r.version())) {
                    claimed.add(c);
                }
            }
            if (claimed.isEmpty()) {
                continue;
            }
            Context context = new Context(claimed, now, loaded,
                    borrower != null && claimed.get(0).borrowerId().equals(borrower.map(Borrower::borrowerId)
                            .orElse(null)) ? borrower : null);
            for (ContactRecord c : claimed) {
                ContactRecord outcome = decide(c, now, context);
                if (!ledger.update(outcome, c.version())) {
                    throw new IllegalStateException("contact " + c.key() + " of borrower " + c.borrowerId()
                            + " changed while it was being sent");
                }
                if (outcome.state() == ContactState.SENT) {
                    context.history.add(new PastContact(outcome.sentAt(), outcome.channel(), false));
                }
                journal.recorded(outcome);
                out.add(outcome);
            }
        }
        return out;
    }

    /** What the contacts of one borrower share: the loans as they are now, the profile, the contacts made. */
    private final class Context {
        final Map<String, LoanPosition> loans = new LinkedHashMap<>();
        final Optional<Borrower> borrower;
        final List<PastContact> history = new ArrayList<>();

        Context(List<ContactRecord> attempted, Instant now, Map<String, LoanRecord> loaded,
                Optional<Borrower> known) {
            ContactRecord first = attempted.get(0);
            ZoneId zone = ZoneId.of(first.timeZone());
            Set<String> attempting = new HashSet<>();
            attempted.forEach(a -> attempting.add(a.key()));
            for (String loanId : first.loanIds()) {
                Optional<LoanRecord> loan = loaded.containsKey(loanId) ? Optional.of(loaded.get(loanId))
                        : ReminderDelivery.this.loans.findLoan(loanId);
                loan.ifPresent(l -> loans.put(loanId, current(l, now)));
            }
            borrower = known != null ? known : borrowers.findBorrower(first.borrowerId());
            for (ContactRecord past : ledger.since(first.borrowerId(),
                    now.atZone(zone).toLocalDate().minusDays(HISTORY_DAYS))) {
                // A contact whose outcome is unknown (being sent, or its sender died) counts as sent: recovery may
                // deliver twice, never beyond a cap. The contacts attempted now are not their own history.
                if (past.state() == ContactState.SENDING && attempting.contains(past.key())) {
                    continue;
                }
                for (Instant at : past.attemptsThatMayHaveReached()) {
                    history.add(new PastContact(at, past.channel(), false));
                }
            }
        }
    }

    private ContactRecord decide(ContactRecord c, Instant now, Context context) {
        ZoneId zone = ZoneId.of(c.timeZone());
        Map<String, LoanPosition> all = new LinkedHashMap<>();
        for (String loanId : c.loanIds()) {
            LoanPosition p = context.loans.get(loanId);
            if (p == null) {
                loans.findLoan(loanId).ifPresent(loan -> all.put(loanId, current(loan, now)));
            } else {
                all.put(loanId, p);
            }
        }
        Map<String, LoanConditions> overdueConditions = new LinkedHashMap<>();
        List<ReminderDigest.LoanLine> lines = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        List<String> jurisdictions = new ArrayList<>();
        boolean courtesy = !c.rounds().isEmpty() && c.rounds().stream().allMatch(k -> ReminderCadence.COURTESY.equals(roundCode(k)));
        LocalDate today = now.atZone(zone).toLocalDate();
        for (Map.Entry<String, LoanPosition> e : all.entrySet()) {
            LoanPosition p = e.getValue();
            // A courtesy message is about loans still ahead of their due date; a later round about overdue loans.
            boolean about = courtesy
                    ? !p.isOverdue() && p.nextUnpaid().filter(i -> !i.dueDate().isBefore(today)).isPresent()
                    : p.isOverdue();
            if (p.isClosed() || !about) {
                continue;
            }
            overdueConditions.put(e.getKey(), p.conditions());
            if (!jurisdictions.contains(p.terms().jurisdiction())) {
                jurisdictions.add(p.terms().jurisdiction());
            }
            if (p.conditions().hasOpenDispute()) {
                withheld.add(e.getKey());
            } else {
                lines.add(courtesy ? ReminderDigest.LoanLine.upcoming(p) : ReminderDigest.LoanLine.of(p));
            }
        }
        if (overdueConditions.isEmpty() && courtesy) {
            return c.decided(ContactState.SUPPRESSED, null, engineVerdict(c, now, NOTHING_OVERDUE,
                    "a courtesy reminder is for an installment not yet due and not yet paid",
                    "none of the loans " + c.loanIds() + " still has an installment coming due"),
                    "paid or overdue before sending");
        }
        if (overdueConditions.isEmpty()) {
            return c.decided(ContactState.SUPPRESSED, null, engineVerdict(c, now, NOTHING_OVERDUE,
                    "RULES §4: a cured or closed loan gets no reminder",
                    "none of the loans " + c.loanIds() + " is overdue any more"), "cured before sending");
        }
        ContactConditions merged = merge(all, overdueConditions);
        ContactEvaluation evaluation = policy.evaluate(jurisdictions, new ContactRequest(c.borrowerId(), c.channel(),
                ContactPurpose.REMINDER, now, zone, merged, context.history));
        if (evaluation.decision() instanceof ContactDecision.Defer d) {
            return c.decided(ContactState.DEFERRED, d.until(), evaluation, null);
        }
        if (evaluation.decision() instanceof ContactDecision.Suppress) {
            return c.decided(ContactState.SUPPRESSED, null, evaluation, null);
        }
        Optional<Borrower> borrower = context.borrower;
        String missing = borrower.isEmpty() ? "no borrower profile" : missingAddress(borrower.get(), c);
        if (missing != null) {
            return c.decided(ContactState.SUPPRESSED, null, engineVerdict(c, now, CONTACT_DETAILS,
                    "a contact needs an address on its channel", missing), null);
        }
        String jurisdiction = jurisdictions.get(0);
        LocalDate localDate = now.atZone(zone).toLocalDate();
        // Open settlement offers of the loans listed (not of withheld ones): read only for a message that goes out.
        List<ReminderDigest.OfferLine> offerLines = new ArrayList<>();
        if (!courtesy) {
            for (ReminderDigest.LoanLine line : lines) {
                LoanPosition p = all.get(line.loanId());
                LocalDate loanToday = now.atZone(p.terms().timeZone()).toLocalDate();
                for (SettlementOffer.Terms t : offers.madeTo(line.loanId())) {
                    if (t.openOn(loanToday, p)) {
                        offerLines.add(new ReminderDigest.OfferLine(line.loanId(), t.amountToSettle(p),
                                t.deadline()));
                    }
                }
            }
        }
        ReminderContent content = new ReminderContent(c.messageId(), c.channel(), c.locale(), jurisdiction,
                GreetingName.of(c.locale(), borrower.get().firstName(), borrower.get().lastName()), localDate, c.rounds().stream().map(ReminderDelivery::roundCode).distinct()
                .toList(), new ReminderDigest(c.borrowerId(), lines, withheld, offerLines), senders.forJurisdiction(jurisdiction));
        RenderedMessage message = renderer.render(content);
        ContactRecord allowed = c.decided(ContactState.SENT, null, evaluation, null);
        try {
            String providerId = sender.send(borrower.get(), content, message,
                    c.unconfirmedAt() != null ? c.unconfirmedAt() : now);
            return allowed.sent(now, providerId, message.template(), message.contentSha256());
        } catch (ReminderSender.DeliveryException e) {
            boolean retry = c.attempts() < MAX_ATTEMPTS;
            return c.decided(ContactState.FAILED, retry ? now.plus(RETRY_AFTER) : null, evaluation,
                    "provider refused (" + e.getMessage() + ")" + (retry ? "; retried" : "; attempts exhausted"));
        }
    }

    /** The loan aged to today in its own time zone (the snapshot is as of the last scan). */
    private LoanPosition current(LoanRecord loan, Instant now) {
        LoanPosition p = loan.position();
        LocalDate today = now.atZone(loan.terms().timeZone()).toLocalDate();
        return today.isAfter(p.asOf()) ? settings.ledger().advanceTo(p, today) : p;
    }

    /** Opt-outs, cease and complaints from every loan of the borrower; disputes from the loans the message is about. */
    private static ContactConditions merge(Map<String, LoanPosition> all, Map<String, LoanConditions> overdue) {
        Map<String, LoanConditions> every = new LinkedHashMap<>();
        all.forEach((id, p) -> every.put(id, p.conditions()));
        ContactConditions borrowerWide = ContactConditions.of(every);
        ContactConditions about = ContactConditions.of(overdue);
        return new ContactConditions(borrowerWide.optOut(), borrowerWide.ceaseCommunication(),
                borrowerWide.complaintChannels(), about.loanIds(), about.disputedLoanIds());
    }

    private static String missingAddress(Borrower b, ContactRecord c) {
        return switch (c.channel()) {
            case EMAIL -> b.email() == null || b.email().isBlank() ? "no e-mail address on file" : null;
            case SMS -> b.phone() == null || b.phone().isBlank() ? "no mobile number on file" : null;
            case IN_APP -> null;
            case CALL -> "calls are not reminders";
        };
    }

    private static ContactEvaluation engineVerdict(ContactRecord c, Instant now, String rule, String basis,
                                                   String reason) {
        ContactDecision.Suppress s = new ContactDecision.Suppress(rule, reason);
        return new ContactEvaluation(s, List.of(new RuleVerdict(rule, basis, s)), "engine",
                String.join("+", c.jurisdictions()), now);
    }

    /** {@code <loanId>#<episode>#<round>} → the round code. */
    static String roundCode(String roundKey) {
        return roundKey.substring(roundKey.lastIndexOf('#') + 1);
    }
}
