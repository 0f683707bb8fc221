package com.overdue.collections.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.emulators.Metro2Validator;
import com.overdue.collections.emulators.UsLoanEvents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settlement offer end to end through the local runner on the shipped US ladder (OFFER-LETTER-SETTLE-US, made on
 * entering LETTER, 14 days): one borrower pays the amount offered within the days and the loan is settled
 * (OFFER_ACCEPTED, the waiver approved by the rule, Metro 2 status 13 with Special Comment AU, valid per
 * moov-io/metro2); the other does not pay and the offer expires (OFFER_EXPIRED the day after the last day, once).
 * A second run of the same input writes the same files byte for byte.
 */
class SimulationSettlementOfferTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RULE = "OFFER-LETTER-SETTLE-US";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 3);
    private static final Path OUT = Paths.get(System.getProperty("basedir", "."), "target", "simulate-offers");

    @Test
    void a_payment_of_the_offer_in_time_settles_the_loan_everywhere_and_an_unpaid_offer_expires_once()
            throws Exception {
        // L-LAPSES's borrower also has L-NEWER, first due on 17 February: its first reminder lists both overdue loans,
        // while L-LAPSES's offer is open (the cadence reminds only mild delinquency, so the offer rides on it).
        String newer = UsLoanEvents.booked("E-0", "L-NEWER").replace("\"borrowerId\":\"B-L-NEWER\"",
                "\"borrowerId\":\"B-L-LAPSES\"").replace("2026-03-15", "2026-04-17").replace("2026-02-15", "2026-03-17")
                .replace("2026-01-15", "2026-02-17");
        List<String> booked = List.of(UsLoanEvents.booked("E-1", "L-SETTLES"),
                UsLoanEvents.booked("E-2", "L-LAPSES"), newer);
        // First, what is offered and when: the offer decision's inputs, as a receiver of OFFER_MADE reads them.
        Path probe = OUT.resolve("probe");
        simulate(booked, LocalDate.of(2026, 2, 20), probe);
        JsonNode offer = decisions(probe).stream()
                .filter(d -> d.get("loanId").asText().equals("L-SETTLES"))
                .filter(d -> d.get("inputs").has("offer." + RULE + ".amountToPay")).findFirst().orElseThrow();
        LocalDate madeOn = LocalDate.parse(offer.get("businessDate").asText());
        String amount = offer.get("inputs").get("offer." + RULE + ".amountToPay").asText();
        LocalDate deadline = LocalDate.parse(offer.get("inputs").get("offer." + RULE + ".deadline").asText());
        assertThat(offer.get("to").asText()).isEqualTo("LETTER");
        assertThat(deadline).isEqualTo(madeOn.plusDays(14));
        assertThat(Double.parseDouble(offer.get("inputs").get("offer." + RULE + ".waived").asText())).isPositive();

        // The borrower pays exactly the amount offered on the offer day, after the morning run that made it.
        List<String> events = new ArrayList<>(booked);
        events.add("{\"eventId\":\"E-3\",\"type\":\"PaymentReceived\",\"schemaVersion\":1,\"occurredAt\":\""
                + madeOn + "T20:00:00Z\",\"loanId\":\"L-SETTLES\",\"payload\":{\"paymentId\":\"P-SETTLE\","
                + "\"amount\":\"" + amount + "\",\"receivedOn\":\"" + madeOn + "\",\"channel\":\"BANK_TRANSFER\"}}");
        Path first = OUT.resolve("run-1");
        Path second = OUT.resolve("run-2");
        simulate(events, TO, first);
        simulate(events, TO, second);

        List<JsonNode> actions = lines(first.resolve("actions.jsonl"));
        assertThat(actionsOf(actions, "L-SETTLES", "OFFER_")).extracting(a -> a.get("actionId").asText())
                .containsExactly("D-L-SETTLES-" + madeOn + "#OFFER_MADE#" + RULE,
                        "D-L-SETTLES-" + madeOn.plusDays(1) + "#OFFER_ACCEPTED#" + RULE + "#" + madeOn);
        assertThat(actionsOf(actions, "L-LAPSES", "OFFER_")).extracting(a -> a.get("actionId").asText())
                .containsExactly("D-L-LAPSES-" + madeOn + "#OFFER_MADE#" + RULE,
                        "D-L-LAPSES-" + deadline.plusDays(1) + "#OFFER_EXPIRED#" + RULE + "#" + madeOn);
        assertThat(actionsOf(actions, "L-LAPSES", "OFFER_EXPIRED").get(0).get("reason").asText())
                .contains("expired: not paid by " + deadline);

        // The loan is settled in the engine's own records: nothing owed, the waiver approved by the rule.
        JsonNode settled = MAPPER.readTree(first.resolve("loans").resolve("L-SETTLES.json").toFile());
        assertThat(settled.path("principalOutstanding").asText()).isEqualTo("0.00");
        assertThat(settled.path("penaltyOutstanding").asText()).isEqualTo("0.00");
        assertThat(settled.path("credit").asText()).isEqualTo("0.00");
        assertThat(settled.path("penaltyWaived").asText())
                .isEqualTo(offer.get("inputs").get("offer." + RULE + ".waived").asText());
        assertThat(settled.path("penaltyPosted").asText()).as("no penalty accrues after the settlement")
                .isEqualTo(settled.path("penaltyAccrued").asText());
        assertThat(settled.path("stage").asText()).isNotEqualTo("LETTER");
        JsonNode accepted = decisions(first).stream().filter(d -> d.get("loanId").asText().equals("L-SETTLES"))
                .filter(d -> d.get("businessDate").asText().equals(madeOn.plusDays(1).toString())).findFirst()
                .orElseThrow();
        assertThat(accepted.get("inputs").get("offer." + RULE + ".outcome").asText()).isEqualTo("ACCEPTED");

        // Metro 2 for February: the settled loan is 13 with AU, the other still reported as late; the file is valid.
        Path feb = first.resolve("credit").resolve("metro2-2026-02-28.txt");
        List<String> records = Files.readAllLines(feb, StandardCharsets.US_ASCII);
        String settledRecord = records.stream().filter(r -> r.substring(42, 72).strip().equals("L-SETTLES"))
                .findFirst().orElseThrow();
        assertThat(settledRecord.substring(123, 125)).as("Account Status").isEqualTo("13");
        assertThat(settledRecord.substring(150, 152)).as("Special Comment").isEqualTo("AU");
        String lapsedRecord = records.stream().filter(r -> r.substring(42, 72).strip().equals("L-LAPSES"))
                .findFirst().orElseThrow();
        assertThat(lapsedRecord.substring(123, 125)).as("Account Status").isEqualTo("71");
        assertThat(lapsedRecord.substring(150, 152)).as("Special Comment").isEqualTo("  ");
        Metro2Validator.Run run = Metro2Validator.locate().validate(feb);
        assertThat(run.valid()).as("moov-io/metro2 on %s: %s", feb, run.stderr()).isTrue();

        // The reminder sent while the offer is open tells it, in the borrower's language (en-US), in-app and e-mail.
        List<String> offerLines = new ArrayList<>();
        for (JsonNode m : lines(first.resolve("outbox").resolve("inapp.jsonl"))) {
            java.util.regex.Matcher x = java.util.regex.Pattern.compile("Settlement offer: pay USD [0-9,]+\\.[0-9]{2} by "
                    + deadline + " to settle loan L-LAPSES; the rest is waived\\.").matcher(m.toString());
            if (x.find()) {
                offerLines.add(x.group());
            }
        }
        assertThat(offerLines).isNotEmpty();
        assertThat(lines(first.resolve("outbox").resolve("inapp.jsonl")).toString())
                .doesNotContain("to settle loan L-SETTLES");

        // A re-run of the same days writes the same outputs, byte for byte (the manifests name their own directory).
        for (Path file : files(first)) {
            Path other = second.resolve(first.relativize(file));
            assertThat(withoutDir(Files.readAllBytes(other), second)).as(first.relativize(file).toString())
                    .isEqualTo(withoutDir(Files.readAllBytes(file), first));
        }
    }

    private static String withoutDir(byte[] content, Path dir) {
        return new String(content, StandardCharsets.ISO_8859_1)
                .replace(dir.toAbsolutePath().normalize().toString(), "<out>").replace(dir.toString(), "<out>");
    }

    private static void simulate(List<String> events, LocalDate to, Path out) throws IOException {
        new Simulation(LocalTime.of(6, 0), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                0).run(events, FROM, to, out);
    }

    private static List<JsonNode> decisions(Path out) throws IOException {
        return lines(out.resolve("decisions.jsonl"));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(MAPPER.readTree(line));
        }
        return out;
    }

    private static List<JsonNode> actionsOf(List<JsonNode> actions, String loanId, String prefix) {
        return actions.stream().filter(a -> a.get("loanId").asText().equals(loanId))
                .filter(a -> a.get("action").asText().startsWith(prefix)).toList();
    }

    /** The run's files that say what the engine decided and reported (not the timing in summary/report). */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("summary"))
                    .filter(p -> !p.getFileName().toString().startsWith("report")).sorted().toList();
        }
    }
}
