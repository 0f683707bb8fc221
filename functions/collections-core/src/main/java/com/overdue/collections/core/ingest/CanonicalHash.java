package com.overdue.collections.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * SHA-256 over a JSON tree in a canonical order (object fields sorted by name, numbers by value, each value tagged
 * with its JSON type and length), so that two deliveries of one event hash alike whatever their key order or
 * whitespace, and any change of content hashes differently. It digests the tree; it writes no document.
 */
final class CanonicalHash {

    private CanonicalHash() {
    }

    static String of(JsonNode node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            feed(node, digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void feed(JsonNode node, MessageDigest d) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = StreamSupport.stream(
                    ((Iterable<Map.Entry<String, JsonNode>>) node::fields).spliterator(), false)
                    .sorted(Map.Entry.comparingByKey()).toList();
            tag(d, 'o', Integer.toString(fields.size()));
            for (Map.Entry<String, JsonNode> f : fields) {
                tag(d, 'k', f.getKey());
                feed(f.getValue(), d);
            }
        } else if (node.isArray()) {
            tag(d, 'a', Integer.toString(node.size()));
            node.forEach(n -> feed(n, d));
        } else if (node.isNumber()) {
            tag(d, 'n', node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            tag(d, 's', node.asText());
        } else if (node.isBoolean()) {
            tag(d, 'b', Boolean.toString(node.asBoolean()));
        } else {
            tag(d, 'z', "");
        }
    }

    private static void tag(MessageDigest d, char kind, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        d.update((byte) kind);
        d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(bytes);
    }
}
