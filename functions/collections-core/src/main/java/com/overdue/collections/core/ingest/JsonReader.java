package com.overdue.collections.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads typed fields from a JSON object and names the dotted path of the first field that breaks the contract.
 * Kept package-private: it exists to give the event parser precise error messages.
 */
final class JsonReader {

    /** The contract's money pattern: no sign, exponent or separator, at most 4 decimals (any ISO 4217 scale). */
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1,4})?");

    private final JsonNode node;
    private final String path;

    JsonReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new FieldError(path(name), "must be a non-empty string");
        }
        return v.asText();
    }

    /** A required string that may be empty (e.g. a name part). */
    String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw new FieldError(path(name), "must be a string");
        }
        return v.asText();
    }

    /** An optional string that may be empty; when present it must be a string, not null. */
    String optionalString(String name) {
        return node.has(name) ? string(name) : null;
    }

    /** An optional non-empty string (an id, a code); when present it must be a non-empty string, not null. */
    String optionalText(String name) {
        return node.has(name) ? text(name) : null;
    }

    /** A required non-empty string that matches the contract's pattern for it. */
    String matching(String name, Pattern pattern, String example) {
        String v = text(name);
        if (!pattern.matcher(v).matches()) {
            throw new FieldError(path(name), "must look like " + example + ", was \"" + v + "\"");
        }
        return v;
    }

    String optionalMatching(String name, Pattern pattern, String example) {
        return node.has(name) ? matching(name, pattern, example) : null;
    }

    String oneOf(String name, Set<String> allowed) {
        String v = text(name);
        if (!allowed.contains(v)) {
            throw new FieldError(path(name), "must be one of " + allowed.stream().sorted().toList() + ", was \"" + v + "\"");
        }
        return v;
    }

    LocalDate date(String name) {
        String v = text(name);
        try {
            if (v.length() != 10) {
                throw new DateTimeParseException("length", v, 0);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldError(path(name), "must be a date yyyy-MM-dd, was \"" + v + "\"");
        }
    }

    LocalDate optionalDate(String name) {
        return node.has(name) ? date(name) : null;
    }

    Instant instant(String name) {
        String v = text(name);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldError(path(name), "must be an ISO-8601 UTC instant, was \"" + v + "\"");
        }
    }

    BigDecimal amount(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw new FieldError(path(name), "must be a decimal string such as \"250.00\"");
        }
        if (!DECIMAL.matcher(v.asText()).matches()) {
            throw new FieldError(path(name), "must be a non-negative decimal string with at most 4 decimals such as"
                    + " \"250.00\", was \"" + v.asText() + "\"");
        }
        return new BigDecimal(v.asText());
    }

    /** An amount where zero has no meaning: a payment, a promise, a waiver, a plan amount. */
    BigDecimal positiveAmount(String name) {
        BigDecimal v = amount(name);
        if (v.signum() == 0) {
            throw new FieldError(path(name), "must be greater than zero, was \"" + v.toPlainString() + "\"");
        }
        return v;
    }

    int positiveInt(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || v.asInt() < 1) {
            throw new FieldError(path(name), "must be an integer >= 1");
        }
        return v.asInt();
    }

    boolean optionalBoolean(String name) {
        return node.has(name) && bool(name);
    }

    boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw new FieldError(path(name), "must be true or false");
        }
        return v.asBoolean();
    }

    ZoneId zone(String name) {
        String v = text(name);
        try {
            return ZoneId.of(v);
        } catch (RuntimeException e) {
            throw new FieldError(path(name), "must be an IANA time zone such as \"Asia/Shanghai\", was \"" + v + "\"");
        }
    }

    JsonReader object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw new FieldError(path(name), "must be an object");
        }
        return new JsonReader(v, path(name));
    }

    JsonReader optionalObject(String name) {
        return node.has(name) ? object(name) : null;
    }

    <T> List<T> array(String name, boolean required, int minItems, BiFunction<JsonNode, String, T> element) {
        if (!required && !node.has(name)) {
            return List.of();
        }
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw new FieldError(path(name), "must be an array");
        }
        if (v.size() < minItems) {
            throw new FieldError(path(name), "must have at least " + minItems + " item(s)");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(element.apply(v.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    /**
     * The field's value. A missing field is "required"; an explicit JSON null is refused too, because the contract
     * gives no field a null value (an optional field is left out instead).
     */
    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new FieldError(path(name), "is required");
        }
        if (v.isNull()) {
            throw new FieldError(path(name), "must not be null");
        }
        return v;
    }

    static JsonReader objectAt(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new FieldError(path, "must be an object");
        }
        return new JsonReader(node, path);
    }

    /** A contract violation at one field. */
    static final class FieldError extends RuntimeException {
        final String field;

        FieldError(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
