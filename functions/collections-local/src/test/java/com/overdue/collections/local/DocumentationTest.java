package com.overdue.collections.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs describe the system as deployed: every function of template.yaml is in README and docs/architecture.md,
 * both show the same picture of the whole flow, and no tracker numbers stand in for an explanation.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern FUNQY_EXPORT = Pattern.compile("QUARKUS_FUNQY_EXPORT:\\s*(\\w+)");
    private static final Pattern MERMAID = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TRACKER_NUMBER = Pattern.compile("(?i)\\bissue\\s*#?\\d+|\\(#\\d+\\)");

    @Test
    void every_function_in_the_template_is_in_readme_and_architecture() {
        List<String> functions = templateFunctions();
        assertThat(functions).hasSize(8).contains("ingestEvents", "reminderInbox", "contactSweep");
        String readme = read(ROOT.resolve("README.md"));
        String architecture = read(ROOT.resolve("docs/architecture.md"));
        for (String function : functions) {
            assertThat(readme).as("README.md names %s", function).contains("`" + function + "`");
            assertThat(architecture).as("docs/architecture.md names %s", function).contains("`" + function + "`");
            assertThat(mermaid(readme)).as("the README picture shows %s", function).contains(function);
        }
    }

    @Test
    void readme_and_architecture_show_the_same_picture() {
        assertThat(mermaid(read(ROOT.resolve("docs/architecture.md")))).isEqualTo(mermaid(read(ROOT.resolve(
                "README.md"))));
    }

    @Test
    void the_picture_shows_every_queue_topic_and_bucket_of_the_template() {
        String picture = mermaid(read(ROOT.resolve("README.md")));
        Matcher m = Pattern.compile("(?:QueueName|TopicName|BucketName): !Sub (collections-[a-z-]+?)-\\$\\{")
                .matcher(read(ROOT.resolve("template.yaml")));
        TreeSet<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("collections-events", "collections-work", "collections-actions");
        for (String name : names) {
            assertThat(picture).as("the picture shows %s", name).contains(name);
        }
    }

    @Test
    void no_tracker_numbers_in_code_or_docs() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !ROOT.relativize(p).toString().matches("(?:.*/)?(?:target|out|node_modules|\\.git)/.*"))
                    .filter(p -> p.toString().matches(".*\\.(java|md|yaml|yml|json|sh|properties|html)$"))
                    .forEach(p -> {
                        String text = read(p);
                        Matcher m = TRACKER_NUMBER.matcher(text);
                        if (m.find()) {
                            offenders.add(ROOT.relativize(p) + ": " + m.group());
                        }
                    });
        }
        assertThat(offenders).as("say what a thing is, not which ticket brought it").isEmpty();
    }

    @Test
    void the_tracker_number_rule_is_not_vacuous() {
        assertThat(TRACKER_NUMBER.matcher("// --- escalationDecision (issue " + "#6) ---").find()).isTrue();
        assertThat(TRACKER_NUMBER.matcher("the scan benchmark (issue " + "3)").find()).isTrue();
        assertThat(TRACKER_NUMBER.matcher("installment #3 of the schedule").find()).isFalse();
    }

    private static List<String> templateFunctions() {
        Matcher m = FUNQY_EXPORT.matcher(read(ROOT.resolve("template.yaml")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String mermaid(String markdown) {
        Matcher m = MERMAID.matcher(markdown);
        assertThat(m.find()).as("a ```mermaid block").isTrue();
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
