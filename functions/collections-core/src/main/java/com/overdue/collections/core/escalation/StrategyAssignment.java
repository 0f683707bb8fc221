package com.overdue.collections.core.escalation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Champion/challenger assignment by a stable hash: SHA-256 of {@code experiment + ":" + loanId}, its first eight
 * bytes as an unsigned number mod 10,000; below the challenger's share (basis points) follows the challenger. The
 * same loan always lands on the same arm; a new experiment id reshuffles.
 */
public final class StrategyAssignment {

    public static int bucket(String experiment, String loanId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((experiment + ":" + loanId).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(v, 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public String strategyOf(EscalationLadder ladder, String loanId) {
        EscalationLadder.Challenger c = ladder.challenger();
        if (c == null || c.shareBasisPoints() == 0) {
            return EscalationLadder.CHAMPION;
        }
        return bucket(c.experiment(), loanId) < c.shareBasisPoints() ? EscalationLadder.CHALLENGER
                : EscalationLadder.CHAMPION;
    }
}
