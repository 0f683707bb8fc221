package com.overdue.collections.core.reminder;

import com.overdue.collections.core.contact.Channel;

import java.util.Set;

/**
 * A reminder round that is due for one loan: the round code (R1, R2, R3, W14 …, COURTESY), the episode it belongs
 * to (the date of first delinquency, or {@code due-<date>} for a courtesy reminder) and the channels it uses. A round
 * goes out once per episode: {@link #key()} is what the reminder ledger remembers.
 */
public record DueRound(String loanId, String episode, String round, Set<Channel> channels) {

    public DueRound {
        channels = Set.copyOf(channels);
    }

    /** {@code <loanId>#<episode>#<round>}: unique per loan, episode and round. */
    public String key() {
        return key(loanId, episode, round);
    }

    public static String key(String loanId, String episode, String round) {
        return loanId + "#" + episode + "#" + round;
    }
}
