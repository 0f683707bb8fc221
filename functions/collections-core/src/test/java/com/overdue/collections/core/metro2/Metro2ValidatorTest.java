package com.overdue.collections.core.metro2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.overdue.collections.emulators.Metro2Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the independent moov-io/metro2 validator (v0.9.2, built by {@code scripts/metro2-validator.sh}; found by
 * {@link Metro2Validator#locate()}) on files this writer produces. A missing binary fails the test: it is never
 * skipped.
 *
 * <p>The tool exits 0 whether or not the file is valid; success is "the file is valid" on stdout with nothing on
 * stderr, failure an "Error: ..." line on stderr (it stops at the first problem).
 */
class Metro2ValidatorTest {

    private static final String VALID = "the file is valid";

    private static Metro2Validator validator;
    private static Path outputDir;
    /** Files made invalid on purpose live apart, so the sweep over target/metro2 in ./collections test skips them. */
    private static Path invalidDir;

    @BeforeAll
    static void locateValidator() throws IOException {
        validator = Metro2Validator.locate();
        outputDir = Paths.get(System.getProperty("basedir", "."), "target", "metro2");
        invalidDir = Paths.get(System.getProperty("basedir", "."), "target", "metro2-invalid");
        Files.createDirectories(outputDir);
        Files.createDirectories(invalidDir);
    }

    @Test
    void a_file_with_every_reported_status_and_dispute_passes_the_validator_with_zero_errors() throws Exception {
        Path file = write("varied-accounts.txt", SamplePortfolio.variedAccounts());

        Metro2Validator.Run run = run("validator", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).as("validator errors for %s", file).doesNotContain("Error");
        assertThat(run.stdout()).contains(VALID);
    }

    @Test
    void a_file_without_base_segments_fails_the_validator_and_the_result_says_not_to_submit_it() throws Exception {
        Metro2File empty = new Metro2FileWriter().render(SamplePortfolio.reporter(), List.of());
        Path file = invalidDir.resolve("no-accounts.txt");
        Files.write(file, empty.content());

        Metro2Validator.Run run = run("validator", "--input", file.toString());

        assertThat(run.stderr()).contains("total_base_records");
        assertThat(empty.result().submittable()).isFalse();
    }

    @Test
    void the_validator_reads_back_every_field_where_the_writer_put_it() throws Exception {
        List<Metro2Account> accounts = SamplePortfolio.variedAccounts();
        Metro2File written = new Metro2FileWriter().render(SamplePortfolio.reporter(), accounts);
        Path file = outputDir.resolve("read-back.txt");
        Files.write(file, written.content());

        Metro2Validator.Run run = run("print", "--input", file.toString(), "--format", "json");
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
        Path file = invalidDir.resolve("broken-trailer.txt");
        Files.writeString(file, broken, StandardCharsets.US_ASCII);

        Metro2Validator.Run run = run("validator", "--input", file.toString());

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

    private static Metro2Validator.Run run(String command, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = command;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return validator.run(all);
    }
}
