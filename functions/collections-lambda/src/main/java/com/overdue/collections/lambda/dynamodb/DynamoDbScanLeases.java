package com.overdue.collections.lambda.dynamodb;

import com.overdue.collections.core.port.ScanLeases;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@link ScanLeases} in the table: {@code SCAN#<timeZone>#<date> / LEASE}, with {@code owner}, {@code leaseUntil}
 * (epoch seconds), {@code state} ({@code RUNNING} or {@code DONE}) and {@code expiresAt} (TTL, 35 days after the
 * date). A claim is one conditional PutItem: it takes a date never scanned, scanned to the end (a deliberate re-run
 * scans again: its work items are the documented at-least-once duplicates), or held by a lease that has expired.
 * A lease held by a scan running now is re-read every {@link #POLL}: when that scan finishes, this one has nothing
 * to do ({@code DONE}); when its lease expires, this one takes over; after {@link #MAX_WAIT} of wall time it fails.
 */
public final class DynamoDbScanLeases implements ScanLeases {

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration MAX_WAIT = Duration.ofSeconds(45);
    private static final String DONE = "DONE";
    private static final String RUNNING = "RUNNING";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbScanLeases(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static Map<String, AttributeValue> key(String timeZone, LocalDate date) {
        return Map.of("PK", AttributeValue.fromS("SCAN#" + timeZone + "#" + date), "SK", AttributeValue.fromS("LEASE"));
    }

    @Override
    public Claim claim(String timeZone, LocalDate date, String owner, Instant now, Instant until) {
        long waitUntil = System.nanoTime() + MAX_WAIT.toNanos();
        Instant at = now;
        boolean waited = false;
        while (true) {
            try {
                Map<String, AttributeValue> item = new java.util.HashMap<>(key(timeZone, date));
                item.put("owner", AttributeValue.fromS(owner));
                item.put("state", AttributeValue.fromS(RUNNING));
                item.put("leaseUntil", AttributeValue.fromN(Long.toString(until.plus(Duration.between(now, at))
                        .getEpochSecond())));
                item.put("expiresAt", AttributeValue.fromN(Long.toString(date.plusDays(35).toEpochDay() * 86_400)));
                Instant claimedAt = at;
                // Before waiting, a finished scan is re-run; after waiting for one, it is this scan's own date.
                String condition = waited ? "attribute_not_exists(PK) OR (#s <> :done AND leaseUntil < :now)"
                        : "attribute_not_exists(PK) OR #s = :done OR leaseUntil < :now";
                dynamo.putItem(p -> p.tableName(table).item(item)
                        .conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":done", AttributeValue.fromS(DONE),
                                ":now", AttributeValue.fromN(Long.toString(claimedAt.getEpochSecond())))));
                return Claim.CLAIMED;
            } catch (ConditionalCheckFailedException held) {
                GetItemResponse r = dynamo.getItem(g -> g.tableName(table).key(key(timeZone, date))
                        .consistentRead(true));
                if (waited && r.hasItem() && DONE.equals(r.item().get("state").s())) {
                    return Claim.DONE; // the scan waited for finished the date
                }
                waited = true;
                if (System.nanoTime() > waitUntil) {
                    throw new IllegalStateException("the overdue scan of " + timeZone + " on " + date
                            + " is held by another scan for more than " + MAX_WAIT.toSeconds() + " s; retry later");
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the scan lease", e);
                }
                at = clock.instant().isAfter(at) ? clock.instant() : at;
            }
        }
    }

    @Override
    public boolean renew(String timeZone, LocalDate date, String owner, Instant until) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(timeZone, date))
                    .updateExpression("SET leaseUntil = :until")
                    .conditionExpression("#o = :me AND #s = :running")
                    .expressionAttributeNames(Map.of("#o", "owner", "#s", "state"))
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromN(Long.toString(
                                    until.getEpochSecond())), ":me", AttributeValue.fromS(owner),
                            ":running", AttributeValue.fromS(RUNNING))));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    @Override
    public void complete(String timeZone, LocalDate date, String owner) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(timeZone, date))
                    .updateExpression("SET #s = :done")
                    .conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", "owner", "#s", "state"))
                    .expressionAttributeValues(Map.of(":done", AttributeValue.fromS(DONE),
                            ":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException lost) {
            // Taken over after this lease expired: the new owner completes the date.
        }
    }
}
