package com.overdue.collections.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A test tool: finds personal data in text that must carry none (logs, console output, output files, rejection
 * reasons). It looks for every personal value of the test fixtures (names, e-mail addresses, phones, dates of birth,
 * national ids, street lines, postal codes, as they appear in the events' borrower objects) and for anything shaped
 * like an e-mail address, an E.164 phone number, a CN resident id or a US SSN.
 */
public final class PiiDetector {

    /** Borrower fields whose values are personal; city and state are left out (a city also names a time zone). */
    private static final Pattern FIXTURE_FIELD = Pattern.compile(
            "\"(first|middle|last|email|phone|nationalId|dateOfBirth|line1|line2|postalCode)\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"),
            Pattern.compile("(?<![0-9A-Za-z])\\+[1-9][0-9]{6,14}(?![0-9])"),
            Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])"),
            Pattern.compile("(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])"));

    private final Set<String> values;

    public PiiDetector(Collection<String> values) {
        this.values = new TreeSet<>();
        values.stream().filter(v -> v.length() >= 4).forEach(this.values::add);
    }

    /** A detector for the personal values found in these fixture files or directories (*.json, *.jsonl). */
    public static PiiDetector fromFixtures(Path... roots) {
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
                        .toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    Matcher m = FIXTURE_FIELD.matcher(text);
                    while (m.find()) {
                        found.add(m.group(2));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(root.toString(), e);
            }
        }
        return new PiiDetector(found);
    }

    /** The personal values this detector knows (for a test to check it is not vacuous). */
    public Set<String> values() {
        return Set.copyOf(values);
    }

    /** Every hit in {@code text}, as "where: what" (the value itself is shown, since it is a test fixture). */
    public List<String> findIn(String where, String text) {
        List<String> hits = new ArrayList<>();
        for (String v : values) {
            if (text.contains(v)) {
                hits.add(where + ": fixture value \"" + v + "\"");
            }
        }
        for (Pattern p : SHAPES) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                hits.add(where + ": " + m.group() + " (shape " + p.pattern() + ")");
            }
        }
        return hits;
    }

    /** Every hit in every file under {@code dir}. */
    public List<String> findInFiles(Path dir) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                hits.addAll(findIn(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir.toString(), e);
        }
        return hits;
    }
}
