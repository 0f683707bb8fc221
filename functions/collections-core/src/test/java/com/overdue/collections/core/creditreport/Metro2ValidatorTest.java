package com.overdue.collections.core.creditreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the independent moov-io/metro2 validator (v0.9.2, built by {@code scripts/metro2-validator.sh}) on files this
 * writer produces. The binary comes from {@code -Dmetro2.validator}, else {@code METRO2_VALIDATOR}, else
 * {@code $COLLECTIONS_CACHE/bin/metro2}, else {@code $HOME/.cache/collections-engine/bin/metro2}. A missing binary
 * fails the test: it is never skipped.
 *
 * <p>The tool exits 0 whether or not the file is valid; success is "the file is valid" on stdout with nothing on
 * stderr, failure an "Error: ..." line on stderr (it stops at the first problem).
 */
class Metro2ValidatorTest {

    private static final String VALID = "the file is valid";
    private static final long TIMEOUT_SECONDS = 60;

    private static Path validator;
    private static Path outputDir;

    @BeforeAll
    static void locateValidator() throws IOException {
        validator = validatorBinary();
        outputDir = Paths.get(System.getProperty("basedir", "."), "target", "metro2");
        Files.createDirectories(outputDir);
    }

    @Test
    void a_file_with_every_reported_status_and_dispute_passes_the_validator_with_zero_errors() throws Exception {
        Path file = write("varied-accounts.txt", SamplePortfolio.variedAccounts());

        Run run = run("validator", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).as("validator errors for %s", file).doesNotContain("Error");
        assertThat(run.stdout()).contains(VALID);
    }

    @Test
    void a_file_without_base_segments_fails_the_validator_and_the_result_says_not_to_submit_it() throws Exception {
        Metro2File empty = new Metro2FileWriter().render(SamplePortfolio.reporter(), List.of());
        Path file = outputDir.resolve("no-accounts.txt");
        Files.write(file, empty.content());

        Run run = run("validator", "--input", file.toString());

        assertThat(run.stderr()).contains("total_base_records");
        assertThat(empty.result().submittable()).isFalse();
    }

    @Test
    void the_validator_reads_back_every_field_where_the_writer_put_it() throws Exception {
        List<Metro2Account> accounts = SamplePortfolio.variedAccounts();
        Metro2File written = new Metro2FileWriter().render(SamplePortfolio.reporter(), accounts);
        Path file = outputDir.resolve("read-back.txt");
        Files.write(file, written.content());

        Run run = run("print", "--input", file.toString(), "--format", "json");
        assertThat(run.stderr()).doesNotContain("Error");
        JsonNode parsed = new ObjectMapper().readTree(run.stdout());

        JsonNode bases = parsed.path("data");
        assertThat(bases).hasSize(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            Metro2Account account = accounts.get(i);
            JsonNode base = bases.get(i).path("base");
            assertThat(base.path("consumerAccountNumber").asText()).isEqualTo(account.consumerAccountNumber());
            assertThat(base.path("accountStatus").asText()).isEqualTo(account.accountStatus().code());
            assertThat(base.path("paymentHistoryProfile").asText())
                    .isEqualTo(account.paymentHistoryProfile().value());
            assertThat(base.path("complianceConditionCode").asText(""))
                    .isEqualTo(account.complianceConditionCode().code());
            assertThat(base.path("currentBalance").asLong()).isEqualTo(wholeUnits(account.currentBalance()));
            assertThat(base.path("amountPastDue").asLong()).isEqualTo(wholeUnits(account.amountPastDue()));
            assertThat(base.path("surname").asText()).isEqualTo(Metro2CharacterSet.clean(account.surname()).text());
            assertThat(base.path("dateAccountInformation").asText()).startsWith("2024-11-30");
            assertThat(base.path("ecoaCode").asText()).isEqualTo(String.valueOf(account.ecoaCode().code()));
            assertThat(base.path("residenceCode").asText()).isEqualTo("R");
        }
        JsonNode trailer = parsed.path("trailer");
        Metro2TrailerTotals totals = written.result().totals();
        assertThat(trailer.path("totalBaseRecords").asInt()).isEqualTo(accounts.size());
        assertThat(trailer.path("blockCount").asInt()).isEqualTo(accounts.size() + 2);
        assertThat(trailer.path("totalStatusCode97").asInt()).isEqualTo(totals.statusCount("97"));
        assertThat(trailer.path("totalSocialNumbersAllSegments").asInt()).isEqualTo(totals.socialSecurityNumbers());
        assertThat(trailer.path("totalDatesBirthAllSegments").asInt()).isEqualTo(totals.datesOfBirth());
        assertThat(trailer.path("totalTelephoneNumbersAllSegments").asInt()).isEqualTo(totals.telephoneNumbers());
        assertThat(trailer.path("totalECOACodeZ").asInt()).isEqualTo(totals.ecoaCodeZ());
    }

    @Test
    void the_validator_catches_a_trailer_that_does_not_match_the_accounts() throws Exception {
        // Guards the harness itself: if this passed silently, a green validator test would mean nothing.
        byte[] content = new Metro2FileWriter()
                .render(SamplePortfolio.reporter(), SamplePortfolio.variedAccounts()).content();
        String text = new String(content, StandardCharsets.US_ASCII);
        int trailerStart = text.lastIndexOf("0426TRAILER");
        String wrongCount = "000000099";
        String broken = text.substring(0, trailerStart + 11) + wrongCount + text.substring(trailerStart + 20);
        Path file = outputDir.resolve("broken-trailer.txt");
        Files.writeString(file, broken, StandardCharsets.US_ASCII);

        Run run = run("validator", "--input", file.toString());

        assertThat(run.stderr()).contains("Error");
        assertThat(run.stdout()).doesNotContain(VALID);
    }

    private static Path write(String name, List<Metro2Account> accounts) throws IOException {
        Metro2File file = new Metro2FileWriter().render(SamplePortfolio.reporter(), accounts);
        assertThat(file.result().rejected()).as("rejected accounts").isEmpty();
        Path path = outputDir.resolve(name);
        Files.write(path, file.content());
        return path;
    }

    private static long wholeUnits(BigDecimal amount) {
        return amount.signum() < 0 ? 0 : amount.toBigInteger().longValueExact();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(validator.toString());
        command.addAll(List.of(arguments));
        Path stdout = Files.createTempFile(outputDir, "metro2-", ".out");
        Path stderr = Files.createTempFile(outputDir, "metro2-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
            }
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Path validatorBinary() {
        String configured = System.getProperty("metro2.validator");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("METRO2_VALIDATOR");
        }
        Path binary;
        if (configured != null && !configured.isBlank()) {
            binary = Paths.get(configured);
        } else {
            String cache = System.getenv("COLLECTIONS_CACHE");
            binary = cache != null && !cache.isBlank()
                    ? Paths.get(cache, "bin", "metro2")
                    : Paths.get(System.getProperty("user.home"), ".cache", "collections-engine", "bin", "metro2");
        }
        if (!Files.isExecutable(binary)) {
            fail("The moov-io/metro2 validator is not at %s. Run scripts/metro2-validator.sh to build it"
                    + " (or point -Dmetro2.validator / METRO2_VALIDATOR at a metro2 binary).", binary);
        }
        return binary;
    }
}
