package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.InboxUseCase;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.ledger.LoanPosition;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.lambda.dynamodb.DynamoDbContactLedger;
import com.overdue.collections.lambda.reminder.QuteReminderRenderer;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reminderFanOut invoked with SQS work batches as Lambda would, against DynamoDB Local and moto: the e-mail sent
 * through SES and the SMS published through SNS are read back from moto and checked; the contact records are read
 * from the table.
 */
@QuarkusTest
@TestProfile(ReminderFanOutFunctionTest.ReminderProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderFanOutFunctionTest {

    /** Exports the reminder function. */
    public static class ReminderProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "reminderFanOut");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    IngestEventUseCase ingest;
    @Inject
    CollectionsEngine engine;
    @Inject
    ContactSweepUseCase sweep;
    @Inject
    InboxUseCase inbox;

    @BeforeAll
    static void verifySenderIdentity() {
        try (SesClient ses = SesClient.builder().endpointOverride(EmulatorsResource.motoEndpoint)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test"))).build()) {
            ses.verifyDomainIdentity(b -> b.domain("example.com"));
        }
    }

    @Test
    @Order(1)
    void one_zh_cn_message_lists_both_overdue_loans_and_goes_out_once_on_each_channel() throws Exception {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(booked("m1", "L-M1", "B-MULTI", "CN", "zh-CN", "2026-02-02", "Wei", "+8613800000001"));
        apply(booked("m2", "L-M2", "B-MULTI", "CN", "zh-CN", "2026-02-02", "Wei", "+8613800000001"));
        int emailsBefore = sentEmails().size();
        int smsBefore = sentSms().size();

        TestClock.set("2026-02-06T02:00:00Z"); // 10:00 in Shanghai, DPD 4: R1 (caught up) and R2 are due
        List<String> failures = invoke(work("L-M1", "B-MULTI", "2026-02-06"), work("L-M2", "B-MULTI", "2026-02-06"));
        assertThat(failures).isEmpty();

        List<JsonNode> emails = sentEmails();
        assertThat(emails).hasSize(emailsBefore + 1);
        JsonNode email = emails.get(emails.size() - 1);
        assertThat(email.get("source").asText()).isEqualTo("reminders@example.com");
        assertThat(email.get("destinations").get(0).asText()).isEqualTo("b-multi@example.com");
        Mime mime = Mime.parse(email.get("raw_data").asText());
        String total = QuteReminderRenderer.money(amountDue("L-M1", "2026-02-06").plus(amountDue("L-M2",
                "2026-02-06")));
        assertThat(mime.subject()).isEqualTo("安信消费金融：还款提醒 - 应还 " + total);
        assertThat(mime.header("List-Unsubscribe")).startsWith("<mailto:unsubscribe@example.com?subject=")
                .contains("<https://notify.example.cn/unsubscribe?m=").contains("&c=EMAIL>");
        assertThat(mime.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mime.header("Content-Type")).startsWith("multipart/alternative");
        assertThat(mime.parts()).containsOnlyKeys("text/plain", "text/html");
        String text = mime.parts().get("text/plain");
        String html = mime.parts().get("text/html");
        for (String loanId : List.of("L-M1", "L-M2")) {
            Money due = amountDue(loanId, "2026-02-06");
            Money penalty = penaltyDue(loanId, "2026-02-06");
            assertThat(penalty.isPositive()).as("DPD 4 is past the 3 grace days: penalty is due").isTrue();
            assertThat(due).isEqualTo(Money.of("260.00", "CNY").plus(penalty));
            assertThat(text).contains("借款 " + loanId + "：应还 " + QuteReminderRenderer.money(due) + "（含罚息 "
                    + QuteReminderRenderer.money(penalty) + "），原到期日 2026-02-02，已逾期 4 天");
            assertThat(html).contains("<td>" + loanId + "</td><td>" + QuteReminderRenderer.money(due) + "</td>");
        }
        assertThat(text).contains("合计应还：" + total).contains("尊敬的客户：").contains("https://pay.example.cn/repay")
                .contains("https://help.example.cn/hardship").contains("https://help.example.cn/complaint")
                .contains("退订此类邮件：https://notify.example.cn/unsubscribe?m=");
        assertThat(html).contains("<a href=\"https://pay.example.cn/repay\">").contains("也可向国家金融监督管理总局反映：12378。");

        List<JsonNode> sms = sentSms();
        assertThat(sms).hasSize(smsBefore + 1);
        JsonNode one = sms.get(sms.size() - 1);
        assertThat(one.get("phone_number").asText()).isEqualTo("+8613800000001");
        String body = one.get("message").asText();
        assertThat(body).contains("账户通知").contains("回T退订");
        assertThat(body).as("an SMS tells a third party nothing about a debt")
                .doesNotContain("逾期", "欠", "CNY", "L-M1", "Wei");

        List<ContactRecord> records = contacts().message("B-MULTI", LocalDate.parse("2026-02-06"));
        assertThat(records).extracting(ContactRecord::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS, Channel.IN_APP);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ContactState.SENT);
            assertThat(r.loanIds()).containsExactly("L-M1", "L-M2");
            assertThat(r.rounds()).contains("L-M1#2026-02-03#R1", "L-M1#2026-02-03#R2", "L-M2#2026-02-03#R2");
            assertThat(r.lastEvaluation().rulePack()).isEqualTo("CN");
            assertThat(r.lastEvaluation().decision()).isInstanceOf(ContactDecision.Allow.class);
            assertThat(r.contentSha256()).hasSize(64);
        });
        InboxUseCase.View app = inbox.handle("B-MULTI", List.of(), 20);
        assertThat(app.messages()).hasSize(1);
        assertThat(app.messages().get(0).title()).isEqualTo("还款提醒：应还 " + total);
        assertThat(app.unread()).isEqualTo(1);
        assertThat(inbox.handle("B-MULTI", List.of(app.messages().get(0).messageId()), 20).unread()).isZero();

        // The same day again (a re-run, or the queue redelivering): nothing is sent twice.
        assertThat(invoke(work("L-M2", "B-MULTI", "2026-02-06"))).isEmpty();
        assertThat(sentEmails()).hasSize(emailsBefore + 1);
        assertThat(sentSms()).hasSize(smsBefore + 1);
    }

    @Test
    @Order(2)
    void a_round_due_at_night_is_deferred_to_eight_and_sent_by_the_sweep() throws Exception {
        int smsBefore = sentSms().size();
        TestClock.set("2026-02-09T15:00:00Z"); // 23:00 in Shanghai, DPD 7: R3
        assertThat(invoke(work("L-M1", "B-MULTI", "2026-02-09"))).isEmpty();
        List<ContactRecord> records = contacts().message("B-MULTI", LocalDate.parse("2026-02-09"));
        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ContactState.DEFERRED);
            assertThat(r.dueAt()).isEqualTo(LocalDate.parse("2026-02-10").atTime(8, 0).atZone(SHANGHAI).toInstant());
            assertThat(((ContactDecision.Defer) r.lastEvaluation().decision()).rule()).isEqualTo("quietHours");
        });
        assertThat(sentSms()).hasSize(smsBefore);

        TestClock.set("2026-02-09T23:59:00Z"); // 07:59: still too early
        assertThat(sweep.sweep().attempted()).isZero();
        TestClock.set("2026-02-10T00:00:00Z"); // 08:00
        ContactSweepUseCase.Result swept = sweep.sweep();
        assertThat(swept.count(ContactState.SENT)).isEqualTo(3);
        assertThat(sentSms()).hasSize(smsBefore + 1);
        assertThat(contacts().message("B-MULTI", LocalDate.parse("2026-02-09")))
                .allSatisfy(r -> assertThat(r.evaluations()).hasSize(2));
    }

    @Test
    @Order(3)
    void an_sms_opt_out_suppresses_sms_and_the_other_channels_still_go() throws Exception {
        TestClock.set("2026-02-12T02:00:00Z");
        apply(event("o1", "ContactPreferencesChanged", "L-M1", "2026-02-12T02:00:00Z",
                "{\"optOut\":[\"SMS\"],\"ceaseCommunication\":false}"));
        TestClock.set("2026-02-16T02:00:00Z"); // DPD 14: the weekly round W14
        assertThat(invoke(work("L-M1", "B-MULTI", "2026-02-16"))).isEmpty();
        Map<Channel, ContactRecord> byChannel = new LinkedHashMap<>();
        contacts().message("B-MULTI", LocalDate.parse("2026-02-16")).forEach(r -> byChannel.put(r.channel(), r));
        assertThat(byChannel.get(Channel.SMS).state()).isEqualTo(ContactState.SUPPRESSED);
        assertThat(byChannel.get(Channel.SMS).lastEvaluation().decision())
                .isEqualTo(new ContactDecision.Suppress("optOut", "borrower opted out of SMS"));
        assertThat(byChannel.get(Channel.EMAIL).state()).isEqualTo(ContactState.SENT);
        assertThat(byChannel.get(Channel.IN_APP).state()).isEqualTo(ContactState.SENT);
        assertThat(byChannel.get(Channel.EMAIL).rounds()).contains("L-M1#2026-02-03#W14");
    }

    @Test
    @Order(4)
    void en_us_email_for_a_new_york_borrower() throws Exception {
        TestClock.set("2026-01-01T15:00:00Z");
        apply(booked("u1", "L-US1", "B-US", "US", "en-US", "2026-03-02", "Ann", "+12025550101"));
        TestClock.set("2026-03-06T15:00:00Z"); // 10:00 EST, DPD 4
        assertThat(invoke(work("L-US1", "B-US", "2026-03-06"))).isEmpty();
        List<JsonNode> emails = sentEmails();
        Mime mime = Mime.parse(emails.get(emails.size() - 1).get("raw_data").asText());
        Money due = amountDue("L-US1", "2026-03-06");
        assertThat(mime.subject()).isEqualTo("Harbor Consumer Lending: payment reminder - "
                + QuteReminderRenderer.money(due) + " due");
        assertThat(mime.parts().get("text/plain")).contains("Dear Ann,")
                .contains("- Loan L-US1: " + QuteReminderRenderer.money(due) + " due (including penalty ")
                .contains("payment was due on 2026-03-02, 4 day(s) past due")
                .contains("Consumer Financial Protection Bureau")
                .contains("To stop receiving these e-mails: https://notify.example.com/unsubscribe?m=");
        assertThat(due.currency().getCurrencyCode()).isEqualTo("USD");
        List<JsonNode> sms = sentSms();
        assertThat(sms.get(sms.size() - 1).get("message").asText())
                .startsWith("Harbor Consumer Lending: account notice.").doesNotContain("USD", "due", "L-US1");
    }

    @Test
    @Order(5)
    void an_open_dispute_or_a_cease_request_suppresses_every_channel() throws Exception {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(booked("d1", "L-D1", "B-DISP", "CN", "zh-CN", "2026-02-02", "Li", "+8613800000002"));
        apply(booked("c1", "L-C1", "B-CEASE", "US", "en-US", "2026-02-02", "Bob", "+12025550102"));
        TestClock.set("2026-02-03T02:00:00Z");
        apply(event("d2", "DisputeOpened", "L-D1", "2026-02-03T02:00:00Z",
                "{\"disputeId\":\"D-1\",\"reason\":\"amount\"}"));
        TestClock.set("2026-02-03T16:00:00Z");
        apply(event("c2", "ContactPreferencesChanged", "L-C1", "2026-02-03T16:00:00Z",
                "{\"optOut\":[],\"ceaseCommunication\":true}"));
        int emailsBefore = sentEmails().size();
        int smsBefore = sentSms().size();
        TestClock.set("2026-02-06T02:00:00Z");
        assertThat(invoke(work("L-D1", "B-DISP", "2026-02-06"))).isEmpty();
        TestClock.set("2026-02-06T15:00:00Z");
        assertThat(invoke(work("L-C1", "B-CEASE", "2026-02-06"))).isEmpty();
        assertThat(contacts().message("B-DISP", LocalDate.parse("2026-02-06"))).isNotEmpty().allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ContactState.SUPPRESSED);
            assertThat(((ContactDecision.Suppress) r.lastEvaluation().decision()).rule()).isEqualTo("openDispute");
        });
        assertThat(contacts().message("B-CEASE", LocalDate.parse("2026-02-06"))).isNotEmpty().allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ContactState.SUPPRESSED);
            assertThat(((ContactDecision.Suppress) r.lastEvaluation().decision()).rule())
                    .isEqualTo("ceaseCommunication");
            assertThat(r.lastEvaluation().verdicts()).extracting(v -> v.basis())
                    .anyMatch(b -> b.contains("1692c(c)"));
        });
        assertThat(sentEmails()).hasSize(emailsBefore);
        assertThat(sentSms()).hasSize(smsBefore);
    }

    @Test
    @Order(6)
    void a_work_item_without_borrower_fails_alone_naming_the_field() {
        TestClock.set("2026-02-07T02:00:00Z");
        String bad = "{\"loanId\":\"L-M1\",\"businessDate\":\"2026-02-07\",\"timeZone\":\"Asia/Shanghai\"}";
        List<String> failures = invoke(bad, work("L-D1", "B-DISP", "2026-02-07"));
        assertThat(failures).containsExactly("m1");
    }

    @Test
    @Order(7)
    void a_cn_loan_in_a_year_without_a_cn_calendar_fails_its_message_alone_and_a_us_loan_of_2028_goes_on() {
        TestClock.set("2026-01-01T15:00:00Z");
        apply(booked("c28", "L-CN28", "B-CN28", "CN", "zh-CN", "2028-01-10", "Lei", "+8613800000028"));
        apply(booked("u28", "L-US28", "B-US28", "US", "en-US", "2028-01-10", "Ann", "+12025550128"));
        TestClock.set("2028-01-14T15:00:00Z"); // 10:00 EST, DPD 4
        // CN 2028 has no file (CN years are published, never computed); US 2028 comes from the Federal rule.
        List<String> failures = invoke(work("L-CN28", "B-CN28", "2028-01-14"), work("L-US28", "B-US28",
                "2028-01-14"));
        assertThat(failures).containsExactly("m1");
        assertThat(contacts().message("B-US28", LocalDate.parse("2028-01-14"))).isNotEmpty();
        assertThat(contacts().message("B-CN28", LocalDate.parse("2028-01-14"))).isEmpty();
    }

    @Test
    @Order(8)
    void a_courtesy_product_gets_one_courtesy_message_per_installment_and_not_twice() throws Exception {
        TestClock.set("2026-01-01T15:00:00Z");
        apply(booked("c1", "L-UC1", "B-UC", "US", "en-US", "2026-05-14", "Cy", "+12025550199"));
        int smsBefore = sentSms().size();

        TestClock.set("2026-05-11T15:00:00Z"); // 11:00 in New York, three days before the due date
        assertThat(invoke(work("L-UC1", "B-UC", "2026-05-11"))).isEmpty();

        List<JsonNode> sms = sentSms();
        assertThat(sms).hasSize(smsBefore + 1);
        assertThat(sms.get(sms.size() - 1).get("message").asText())
                .startsWith("Harbor Consumer Lending: account notice. A payment on your account is coming up.")
                .doesNotContain("USD", "L-UC1", "overdue");
        List<ContactRecord> records = contacts().message("B-UC", LocalDate.parse("2026-05-11"));
        assertThat(records).extracting(ContactRecord::channel)
                .containsExactlyInAnyOrder(Channel.SMS, Channel.IN_APP);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(ContactState.SENT);
            assertThat(r.rounds()).containsExactly("L-UC1#due-2026-05-14#COURTESY");
            assertThat(r.loanIds()).containsExactly("L-UC1");
            assertThat(r.lastEvaluation().rulePack()).isEqualTo("US");
        });
        InboxUseCase.View app = inbox.handle("B-UC", List.of(), 20);
        assertThat(app.messages()).hasSize(1);
        assertThat(app.messages().get(0).title()).isEqualTo("Upcoming payment: "
                + QuteReminderRenderer.money(Money.of("260.00", "USD")));

        // A re-run the same day, and the scan's catch-up the next day: the installment's courtesy round is spent.
        assertThat(invoke(work("L-UC1", "B-UC", "2026-05-11"))).isEmpty();
        TestClock.set("2026-05-12T15:00:00Z");
        assertThat(invoke(work("L-UC1", "B-UC", "2026-05-12"))).isEmpty();
        assertThat(sentSms()).hasSize(smsBefore + 1);
        assertThat(contacts().message("B-UC", LocalDate.parse("2026-05-12"))).isEmpty();
    }

    @Test
    @Order(9)
    void a_product_without_courtesy_gets_no_message_before_the_due_date() throws Exception {
        TestClock.set("2026-01-01T01:00:00Z");
        apply(booked("c2", "L-NC1", "B-NC", "CN", "zh-CN", "2026-05-14", "Fang", "+8613800000099"));
        int smsBefore = sentSms().size();

        TestClock.set("2026-05-11T02:00:00Z"); // 10:00 in Shanghai, three days before the due date
        assertThat(invoke(work("L-NC1", "B-NC", "2026-05-11"))).isEmpty();

        assertThat(sentSms()).hasSize(smsBefore);
        assertThat(contacts().message("B-NC", LocalDate.parse("2026-05-11"))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void apply(String json) {
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private LoanPosition position(String loanId, String date) {
        LoanPosition p = loans().findLoan(loanId).orElseThrow().position();
        LocalDate d = LocalDate.parse(date);
        return d.isAfter(p.asOf()) ? settings().ledger().advanceTo(p, d) : p;
    }

    private Money amountDue(String loanId, String date) {
        return position(loanId, date).amountDueNow();
    }

    private Money penaltyDue(String loanId, String date) {
        return position(loanId, date).outstanding(Component.PENALTY);
    }

    private static String booked(String eventId, String loanId, String borrowerId, String jurisdiction,
                                 String locale, String dueDate, String firstName, String phone) {
        boolean us = jurisdiction.equals("US");
        String zone = us ? "America/New_York" : "Asia/Shanghai";
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":\""
                + (us ? "2026-01-01T15:00:00Z" : "2026-01-01T01:00:00Z") + "\",\"loanId\":\"" + loanId
                + "\",\"payload\":{\"borrowerId\":\"" + borrowerId + "\",\"productCode\":\""
                + (us ? "US-CONSUMER-INSTALMENT" : "CONSUMER-INSTALMENT") + "\",\"currency\":\""
                + (us ? "USD" : "CNY") + "\",\"jurisdiction\":\"" + jurisdiction + "\",\"timeZone\":\"" + zone
                + "\",\"principal\":\"250.00\",\"disbursedOn\":\"2026-01-01\",\"installments\":[{\"seq\":1,"
                + "\"dueDate\":\"" + dueDate + "\",\"principal\":\"250.00\",\"interest\":\"10.00\",\"fees\":\"0.00\"}],"
                + "\"borrower\":{\"name\":{\"first\":\"" + firstName + "\",\"middle\":\"\",\"last\":\"Test\"},"
                + "\"locale\":\"" + locale + "\",\"timeZone\":\"" + zone + "\",\"email\":\""
                + borrowerId.toLowerCase() + "@example.com\",\"phone\":\"" + phone + "\"}}}";
    }

    private static String event(String eventId, String type, String loanId, String occurredAt, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\""
                + occurredAt + "\",\"loanId\":\"" + loanId + "\",\"payload\":" + payload + "}";
    }

    private static String work(String loanId, String borrowerId, String date) {
        return MAPPER.createObjectNode().put("key", loanId + "#" + date).put("loanId", loanId)
                .put("borrowerId", borrowerId).put("businessDate", date).put("timeZone", "Asia/Shanghai")
                .put("daysPastDue", 4).put("severity", "MILD").put("bucket", "4-30").put("overdueAmount", "260.00")
                .put("currency", "CNY").toString();
    }

    private static List<String> invoke(String... bodies) {
        return RestAssured.given().contentType("application/json").body(Events.sqsBatch(List.of(bodies)))
                .post("/").then().statusCode(200).extract().jsonPath()
                .getList("batchItemFailures.itemIdentifier");
    }

    private static JsonNode motoData() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(EmulatorsResource.motoEndpoint + "/moto-api/data.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(r.body());
    }

    private static List<JsonNode> sentEmails() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        motoData().path("ses").path("RawMessage").forEach(out::add);
        return out;
    }

    private static List<JsonNode> sentSms() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        motoData().path("sns").path("SMS").forEach(out::add);
        return out;
    }

    /** A minimal MIME reader for the test: headers (unfolded, RFC 2047 decoded subject) and the two parts. */
    record Mime(Map<String, String> headers, Map<String, String> parts) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String subject() {
            Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=").matcher(header("Subject"));
            StringBuilder out = new StringBuilder();
            boolean any = false;
            while (m.find()) {
                any = true;
                out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
            }
            return any ? out.toString() : header("Subject");
        }

        static Mime parse(String raw) throws IOException {
            String[] split = raw.split("\r\n\r\n", 2);
            Map<String, String> headers = new LinkedHashMap<>();
            String unfolded = split[0].replace("\r\n ", " ");
            for (String line : unfolded.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).trim());
            }
            Matcher b = Pattern.compile("boundary=\"([^\"]+)\"").matcher(headers.get("content-type"));
            assertThat(b.find()).isTrue();
            Map<String, String> parts = new LinkedHashMap<>();
            for (String part : split[1].split("--" + Pattern.quote(b.group(1)))) {
                String[] ph = part.split("\r\n\r\n", 2);
                if (ph.length < 2 || !ph[0].contains("Content-Type")) {
                    continue;
                }
                Matcher ct = Pattern.compile("Content-Type: ([^;\r\n]+)").matcher(ph[0]);
                assertThat(ct.find()).isTrue();
                assertThat(ph[0]).contains("Content-Transfer-Encoding: base64").contains("charset=UTF-8");
                byte[] body = new ByteArrayInputStream(Base64.getMimeDecoder().decode(ph[1].trim())).readAllBytes();
                parts.put(ct.group(1), new String(body, StandardCharsets.UTF_8));
            }
            return new Mime(headers, parts);
        }
    }

    private DynamoDbContactLedger contacts() {
        return engine.contactLedger();
    }

    private LoanRepository loans() {
        return engine.loans();
    }

    private CollectionsSettings settings() {
        return engine.rules();
    }
}
