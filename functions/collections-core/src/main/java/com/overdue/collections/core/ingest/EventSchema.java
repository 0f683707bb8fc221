package com.overdue.collections.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published contract ({@code schemas/collections-event.schema.json}, shipped on the classpath) enforced at run
 * time. A refusal names the field and the rule it breaks in words of our own: the validator's messages are never
 * passed on, because some of them quote the offending value, and the value of a personal field must not reach a log.
 */
final class EventSchema {

    static final String RESOURCE = "schemas/collections-event.schema.json";
    /** A field name from the input is echoed in a path only when it has the shape of a contract field name. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JsonNode root;
    private final JsonSchema schema;

    EventSchema(ObjectMapper mapper) {
        try (InputStream in = EventSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.LEGACY)
                        .failFast(false).build());
    }

    /** The first broken rule, as a dotted field path and a reason without any value from the event. */
    Optional<FieldProblem> firstProblem(JsonNode event) {
        Set<ValidationMessage> errors = schema.validate(event);
        // Shallowest location first (the envelope before the payload), then the schema's own order.
        List<ValidationMessage> sorted = errors.stream()
                .sorted(Comparator.comparingInt((ValidationMessage m) -> depth(field(m)))).toList();
        return sorted.stream().findFirst().map(m -> new FieldProblem(field(m), reason(m)));
    }

    record FieldProblem(String field, String reason) {
    }

    private static int depth(String field) {
        return field.split("[.\\[]").length;
    }

    private static String field(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        String path = at.equals("$") ? "" : at.startsWith("$.") ? at.substring(2) : at.substring(1);
        String property = m.getProperty();
        if (property != null && (m.getType().equals("required") || m.getType().endsWith("Properties")
                || m.getType().equals("dependentRequired"))) {
            String name = FIELD_NAME.matcher(property).matches() ? property : "<a field with an unexpected name>";
            path = path.isEmpty() ? name : path + "." + name;
        }
        return path.isEmpty() ? "$" : sanitize(path);
    }

    /** Path segments come from the input's field names: keep only those shaped like contract names. */
    private static String sanitize(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("\\.", -1)) {
            String name = segment.replaceAll("\\[\\d+]", "");
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(FIELD_NAME.matcher(name).matches() ? segment : "<a field with an unexpected name>");
        }
        return out.toString();
    }

    private String reason(ValidationMessage m) {
        JsonNode rule = ruleOf(m);
        return switch (m.getType()) {
            case "required" -> "is required";
            case "additionalProperties", "unevaluatedProperties" ->
                    "is not a field of this object (objects of the contract are closed)";
            case "type" -> "must be a JSON " + (rule.isTextual() ? rule.asText() : "value of the type the contract "
                    + "defines");
            case "pattern" -> "does not have the form the contract requires" + described(m);
            case "format" -> "is not a valid " + (rule.isTextual() ? rule.asText() : "value") + described(m);
            case "enum" -> "must be one of " + rule;
            case "const" -> "must be " + rule;
            case "minLength" -> rule.asInt() == 1 ? "must not be empty" : "must be at least " + rule.asInt()
                    + " characters long";
            case "maxLength" -> "must be at most " + rule.asInt() + " characters long";
            case "minimum" -> "must be at least " + rule.asText();
            case "maximum" -> "must be at most " + rule.asText();
            case "minItems" -> "must have at least " + rule.asInt() + " item" + (rule.asInt() == 1 ? "" : "s");
            case "maxItems" -> "must have at most " + rule.asInt() + " items";
            case "minProperties" -> "must name at least " + rule.asInt() + " field";
            case "uniqueItems" -> "must not repeat a value";
            case "not" -> "must be greater than zero";
            default -> "breaks the contract's " + m.getType() + " rule";
        };
    }

    /** The title of the definition the broken keyword belongs to, from the schema (never from the event). */
    private String described(ValidationMessage m) {
        JsonNode owner = root.at(pointer(m, false));
        String title = owner.path("title").asText("");
        return title.isEmpty() ? "" : " (" + title.toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private JsonNode ruleOf(ValidationMessage m) {
        return root.at(pointer(m, true));
    }

    /** JSON pointer into the schema of the broken keyword (or of its owner). */
    private static String pointer(ValidationMessage m, boolean keyword) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        String p = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        if (!keyword) {
            int cut = p.lastIndexOf('/');
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return p;
    }
}
