package com.overdue.collections.core.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One planned contact on one channel and what became of it: the message it belongs to (one per borrower per
 * business date), the rounds and loans it is about, its state, when it is next due, and every rule evaluation made
 * for it, in order. Ids and figures only, never PII: a compliance officer proves each contact from this record.
 *
 * <p>{@code claimedAt} is when the current attempt was claimed (state SENDING); {@code unconfirmedAt} is when an
 * earlier attempt was claimed whose sender died, so that nobody knows whether it reached the borrower. Both count as
 * sent for the caps ({@link #attemptsThatMayHaveReached()}): recovery may deliver a message twice, never break a cap.
 */
public record ContactRecord(String borrowerId, LocalDate businessDate, Channel channel, String messageId,
                            ContactState state, Instant dueAt, int attempts, List<String> rounds,
                            List<String> loanIds, List<String> jurisdictions, String locale, String timeZone,
                            List<ContactEvaluation> evaluations, Instant sentAt, String providerMessageId,
                            String template, String contentSha256, String note, Instant claimedAt,
                            Instant unconfirmedAt, long version) {

    public ContactRecord {
        Objects.requireNonNull(borrowerId, "borrowerId");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        rounds = List.copyOf(rounds);
        loanIds = List.copyOf(loanIds);
        jurisdictions = List.copyOf(jurisdictions);
        evaluations = List.copyOf(evaluations);
    }

    /** A contact planned for {@code dueAt}, not yet evaluated. */
    public static ContactRecord planned(String borrowerId, LocalDate businessDate, Channel channel, String messageId,
                                        Instant dueAt, List<String> rounds, List<String> loanIds,
                                        List<String> jurisdictions, String locale, String timeZone) {
        return new ContactRecord(borrowerId, businessDate, channel, messageId, ContactState.PENDING, dueAt, 0, rounds,
                loanIds, jurisdictions, locale, timeZone, List.of(), null, null, null, null, null, null, null, 1);
    }

    /** The sort key under the borrower: {@code CONTACT#<businessDate>#<channel>}, unique per message and channel. */
    public String key() {
        return key(businessDate, channel);
    }

    public static String key(LocalDate businessDate, Channel channel) {
        return "CONTACT#" + businessDate + "#" + channel.name();
    }

    /** The latest evaluation, if any. */
    public ContactEvaluation lastEvaluation() {
        return evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1);
    }

    /**
     * The same record claimed for sending at {@code now} (next version). It is due again at {@code now + lease}: if
     * the sender dies before storing the outcome, the sweep claims it again then. Claiming a record still SENDING
     * (its lease ran out) keeps the dead attempt as {@code unconfirmedAt} (the first such attempt: a second send is
     * stored under its time, see {@code ReminderSender}).
     */
    public ContactRecord claimed(Instant now, java.time.Duration lease) {
        Instant unconfirmed = unconfirmedAt != null ? unconfirmedAt
                : state == ContactState.SENDING ? claimedAt : null;
        return new ContactRecord(borrowerId, businessDate, channel, messageId, ContactState.SENDING, now.plus(lease),
                attempts + 1, rounds, loanIds, jurisdictions, locale, timeZone, evaluations, sentAt, providerMessageId,
                template, contentSha256, note, now, unconfirmed, version + 1);
    }

    /**
     * The moments this contact may have reached the borrower, as the caps count them: when it was sent, when it is
     * being sent (SENDING) and an earlier attempt whose outcome is unknown.
     */
    public List<Instant> attemptsThatMayHaveReached() {
        List<Instant> out = new ArrayList<>(2);
        if (state == ContactState.SENT && sentAt != null) {
            out.add(sentAt);
        } else if (state == ContactState.SENDING && claimedAt != null) {
            out.add(claimedAt);
        }
        if (unconfirmedAt != null && !out.contains(unconfirmedAt)) {
            out.add(unconfirmedAt);
        }
        return out;
    }

    /** The record after a decision: new state, next due time (null when final), the evaluation appended. */
    public ContactRecord decided(ContactState next, Instant nextDueAt, ContactEvaluation evaluation, String why) {
        List<ContactEvaluation> all = new ArrayList<>(evaluations);
        if (evaluation != null) {
            all.add(evaluation);
        }
        return new ContactRecord(borrowerId, businessDate, channel, messageId, next, nextDueAt, attempts, rounds,
                loanIds, jurisdictions, locale, timeZone, all, sentAt, providerMessageId, template, contentSha256, why,
                null, unconfirmedAt, version + 1);
    }

    /** The record once the provider accepted the message (same version: it completes a decision). */
    public ContactRecord sent(Instant at, String providerId, String templateName, String sha256) {
        return new ContactRecord(borrowerId, businessDate, channel, messageId, ContactState.SENT, null, attempts,
                rounds, loanIds, jurisdictions, locale, timeZone, evaluations, at, providerId, templateName, sha256,
                null, null, unconfirmedAt, version);
    }
}
