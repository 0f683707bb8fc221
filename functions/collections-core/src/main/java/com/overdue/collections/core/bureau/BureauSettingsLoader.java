package com.overdue.collections.core.bureau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.metro2.EcoaCode;
import com.overdue.collections.core.metro2.Metro2Codes;
import com.overdue.collections.core.metro2.PortfolioType;
import com.overdue.collections.core.metro2.TermsFrequency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads {@code <root>/reporting.json} from the classpath (default {@code config/bureau}, which is
 * {@code infra/config/bureau} in the repository) and refuses it with the file and the key of the first mistake.
 */
public final class BureauSettingsLoader {

    public static final String DEFAULT_ROOT = "config/bureau";
    private static final String FILE = "reporting.json";
    private static final Set<String> TOP_LEVEL = Set.of("furnisher", "cycle", "noticeBeforeNegativeReport",
            "products");
    private static final Set<String> FURNISHER = Set.of("identificationNumber", "cycleIdentifier",
            "equifaxProgramIdentifier", "experianProgramIdentifier", "transUnionProgramIdentifier", "programDate",
            "programRevisionDate", "reporterName", "reporterAddress", "reporterTelephone", "softwareVendorName",
            "softwareVersionNumber");
    private static final Set<String> PRODUCT = Set.of("format", "portfolioType", "accountType", "termsFrequency",
            "ecoaCode");

    private final ClassLoader classLoader;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    public BureauSettingsLoader() {
        this(BureauSettingsLoader.class.getClassLoader());
    }

    public BureauSettingsLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /** @throws IllegalStateException naming the file and key when the configuration is missing or wrong */
    public BureauSettings load(String root) {
        String name = root + "/" + FILE;
        JsonNode tree = read(name);
        Reader r = new Reader(name);
        r.onlyKeys(tree, "", TOP_LEVEL);
        FurnisherProfile furnisher = furnisher(r, r.object(tree, "furnisher"));
        ReportingCycle cycle = cycle(r, r.object(tree, "cycle"));
        Map<String, NoticeRule> rules = new LinkedHashMap<>();
        JsonNode notice = r.object(tree, "noticeBeforeNegativeReport");
        for (Iterator<String> it = notice.fieldNames(); it.hasNext(); ) {
            String jurisdiction = it.next();
            rules.put(jurisdiction, r.oneOf(notice, jurisdiction, "noticeBeforeNegativeReport." + jurisdiction,
                    NoticeRule.class));
        }
        Map<String, ProductReporting> products = new LinkedHashMap<>();
        JsonNode productsNode = r.object(tree, "products");
        for (Iterator<String> it = productsNode.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            products.put(code, product(r, code, productsNode.get(code)));
        }
        return new BureauSettings(furnisher, cycle, rules, products);
    }

    private static FurnisherProfile furnisher(Reader r, JsonNode f) {
        r.onlyKeys(f, "furnisher.", FURNISHER);
        try {
            return new FurnisherProfile(r.text(f, "identificationNumber", "furnisher"),
                    r.optional(f, "cycleIdentifier"), r.optional(f, "equifaxProgramIdentifier"),
                    r.optional(f, "experianProgramIdentifier"), r.optional(f, "transUnionProgramIdentifier"),
                    r.date(f, "programDate", "furnisher"), r.date(f, "programRevisionDate", "furnisher"),
                    r.text(f, "reporterName", "furnisher"), r.text(f, "reporterAddress", "furnisher"),
                    r.optional(f, "reporterTelephone"), r.optional(f, "softwareVendorName"),
                    r.optional(f, "softwareVersionNumber"));
        } catch (IllegalArgumentException e) {
            // Metro2Reporter names the field: "Metro2Reporter.reporterName is longer than its 40-character field".
            throw new IllegalStateException(r.file + ": furnisher: " + e.getMessage(), e);
        }
    }

    private static ReportingCycle cycle(Reader r, JsonNode c) {
        r.onlyKeys(c, "cycle.", Set.of("day", "timeZone"));
        String zoneText = r.text(c, "timeZone", "cycle");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw r.error("cycle.timeZone", "\"" + zoneText + "\" is not an IANA time zone");
        }
        JsonNode day = c.get("day");
        if (day == null || (day.isTextual() && day.asText().equals("LAST"))) {
            return ReportingCycle.monthEnd(zone);
        }
        if (!day.isInt() || day.asInt() < 1 || day.asInt() > 28) {
            throw r.error("cycle.day", "must be \"LAST\" or a day 1..28 (every month has it), was " + day);
        }
        return new ReportingCycle(day.asInt(), zone);
    }

    private static ProductReporting product(Reader r, String code, JsonNode p) {
        String at = "products." + code;
        if (p == null || !p.isObject()) {
            throw r.error(at, "must be an object");
        }
        r.onlyKeys(p, at + ".", PRODUCT);
        String format = r.text(p, "format", at);
        if (format.equals("NOT_REPORTED")) {
            return ProductReporting.notReported(code);
        }
        if (!format.equals("METRO2")) {
            throw r.error(at + ".format", "must be METRO2 or NOT_REPORTED, was \"" + format + "\"");
        }
        String accountType = r.text(p, "accountType", at);
        if (!Metro2Codes.isAccountType(accountType)) {
            throw r.error(at + ".accountType", "\"" + accountType
                    + "\" is not a Metro 2 Account Type code of the Credit Reporting Resource Guide");
        }
        return new ProductReporting(code, true,
                r.code(p, "portfolioType", at, PortfolioType.values(), PortfolioType::code),
                accountType,
                r.code(p, "termsFrequency", at, TermsFrequency.values(), TermsFrequency::code),
                r.code(p, "ecoaCode", at, EcoaCode.values(), EcoaCode::code));
    }

    private JsonNode read(String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + ": not on the classpath");
            }
            return json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read", e);
        }
    }

    /** Field access that names the file and the dotted key in every error. */
    private record Reader(String file) {

        IllegalStateException error(String key, String problem) {
            return new IllegalStateException(file + ": " + key + ": " + problem);
        }

        void onlyKeys(JsonNode node, String prefix, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(prefix + key, "unknown key (allowed: " + allowed.stream().sorted().toList() + ")");
                }
            }
        }

        JsonNode object(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isObject()) {
                throw error(key, "is required and must be an object");
            }
            return v;
        }

        String text(JsonNode node, String key, String at) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw error(at + "." + key, "is required and must be a non-empty string");
            }
            return v.asText();
        }

        String optional(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }

        LocalDate date(JsonNode node, String key, String at) {
            String v = optional(node, key);
            if (v == null || v.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                throw error(at + "." + key, "must be a date yyyy-MM-dd, was \"" + v + "\"");
            }
        }

        <E extends Enum<E>> E oneOf(JsonNode node, String key, String at, Class<E> type) {
            JsonNode v = node.get(key);
            for (E value : type.getEnumConstants()) {
                if (v != null && v.isTextual() && value.name().equals(v.asText())) {
                    return value;
                }
            }
            throw error(at, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", was " + v);
        }

        <E> E code(JsonNode node, String key, String at, E[] values, java.util.function.Function<E, Character> code) {
            String v = text(node, key, at);
            for (E value : values) {
                if (v.length() == 1 && code.apply(value) == v.charAt(0)) {
                    return value;
                }
            }
            throw error(at + "." + key, "\"" + v + "\" is not a Metro 2 code for this field");
        }
    }
}
