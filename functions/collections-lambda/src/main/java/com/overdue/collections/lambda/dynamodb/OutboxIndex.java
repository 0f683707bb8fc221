package com.overdue.collections.lambda.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.CRC32;

/**
 * The outbox's keys on the sparse {@code review} index: an effect recorded for delivery and not yet delivered
 * carries {@code reviewShard = OUTBOX#<nn>} (actions, by loan) or {@code OUTBOX#FILES} (Metro 2 files) and
 * {@code reviewAt = <deadline>#<item>}, the deadline being when it is recorded plus {@link #DELIVERY_DEADLINE}. The
 * attributes are removed when the effect is marked delivered, so the recovery sweep reads only what is overdue.
 */
public final class OutboxIndex {

    /** The shard prefix of undelivered actions ({@code OUTBOX#00..NN}). */
    public static final String SHARD_PREFIX = "OUTBOX#";
    /** The one shard of undelivered Metro 2 files (a few a year). */
    public static final String FILES_SHARD = SHARD_PREFIX + "FILES";
    /**
     * How long the writer has to deliver before the sweep takes over: longer than any function's timeout (60 s; the
     * export's 900 s is covered by its own retries), so the sweep never races a live writer in normal operation.
     */
    public static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(5);

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private OutboxIndex() {
    }

    /** The shard of a loan's undelivered actions (stable CRC32 of the loan id). */
    public static String shardOf(String loanId, int shards) {
        CRC32 crc = new CRC32();
        crc.update(loanId.getBytes(StandardCharsets.UTF_8));
        return shard((int) (crc.getValue() % shards));
    }

    public static String shard(int n) {
        return SHARD_PREFIX + String.format("%02d", n);
    }

    /** {@code reviewAt} of an item recorded at {@code recordedAt}: its delivery deadline, then the item's id. */
    public static String reviewAt(Instant recordedAt, String item) {
        return SORTABLE.format(recordedAt.plus(DELIVERY_DEADLINE).truncatedTo(ChronoUnit.SECONDS)) + "#" + item;
    }

    /** The upper bound of a query for everything whose deadline is at or before {@code now}. */
    public static String upTo(Instant now) {
        return SORTABLE.format(now.truncatedTo(ChronoUnit.SECONDS)) + "#\uffff";
    }
}
