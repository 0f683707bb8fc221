package com.overdue.collections.bench;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of a DynamoDB item as the service bills it (developer guide, "Item sizes and formats"): per attribute the
 * UTF-8 length of its name plus its value; strings by UTF-8 length, numbers about one byte per two significant
 * digits plus one, binaries by length, booleans and nulls one byte, lists and maps 3 bytes plus one byte per element
 * plus the elements. Used to check the capacity DynamoDB Local reports against the published rules.
 */
final class ItemSize {

    static final int WRITE_UNIT = 1024;
    static final int READ_UNIT = 4096;

    private ItemSize() {
    }

    static int of(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + value(e.getValue());
        }
        return size;
    }

    private static int value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(ItemSize::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToInt(ItemSize::number).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToInt(b -> ((SdkBytes) b).asByteArray().length).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(e -> 1 + value(e)).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + value(e.getValue())).sum();
        }
        return 0;
    }

    private static int number(String n) {
        String digits = new BigDecimal(n).stripTrailingZeros().unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Write units for one item write of {@code bytes}: 1 per started KB, at least 1. */
    static int writeUnits(int bytes) {
        return Math.max(1, (bytes + WRITE_UNIT - 1) / WRITE_UNIT);
    }

    /** Strongly consistent read units for {@code bytes} read: 1 per started 4 KB, at least 1. */
    static int readUnits(long bytes) {
        return (int) Math.max(1, (bytes + READ_UNIT - 1) / READ_UNIT);
    }
}
