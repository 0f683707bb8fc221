package com.overdue.collections.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.EscalationDecisionUseCase;
import com.overdue.collections.core.application.EscalationDecisionUseCase.Outcome;
import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.OverdueScanUseCase;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.RuleVerdict;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationLadder;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.escalation.StrategyAssignment;
import com.overdue.collections.core.port.EscalationStore;
import com.overdue.collections.core.port.WorkItem;
import com.overdue.collections.lambda.sqs.WorkItemMessage;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * escalationDecision against DynamoDB Local and moto (SNS collections-actions with an unfiltered queue and a queue
 * filtered on LEGAL_NOTICE). Loans have one installment of CNY 6,000 due 2026-01-01, so DPD n is 2026-01-01 + n.
 */
@QuarkusTest
@TestProfile(EscalationDecisionFunctionTest.EscalationProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class EscalationDecisionFunctionTest {

    /** Exports the escalation function. */
    public static class EscalationProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "escalationDecision");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDate DUE = LocalDate.parse("2026-01-01");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    IngestEventUseCase ingest;

    @Inject
    EscalationDecisionUseCase escalation;

    @Inject
    CollectionsEngine engine;

    @Inject
    OverdueScanUseCase scan;

    @BeforeEach
    void drainQueues() throws Exception {
        receive(EmulatorsResource.allActionsQueueUrl());
        receive(EmulatorsResource.legalNoticeQueueUrl());
        receive(EmulatorsResource.workQueueUrl());
    }

    @Test
    void a_loan_that_never_pays_walks_the_ladder_in_order_and_legal_subscribers_get_only_the_legal_notice()
            throws Exception {
        String loanId = champion("L-WALK");
        book(loanId);

        Map<Integer, EscalationDecision> decisions = walk(loanId, 0, 200);

        assertThat(decisions.entrySet()).extracting(e -> e.getKey(), e -> e.getValue().to(), e -> e.getValue().rule())
                .containsExactly(
                        tuple(1, "EARLY_REMINDER", "ESC-01-EARLY"),
                        tuple(16, "CALL", "ESC-02-CALL"),
                        tuple(31, "LETTER", "ESC-03-LETTER"),
                        // The settlement offer made with the letter runs 14 days; unpaid, it expires on day 46.
                        tuple(46, "LETTER", "OFFER-LETTER-SETTLE"),
                        tuple(61, "FIELD_VISIT", "ESC-04-FIELD"),
                        tuple(75, "AGENCY_NOTICE", "ESC-05-AGENCY-NOTICE"),
                        tuple(90, "AGENCY_PLACEMENT", "ESC-06-AGENCY-PLACEMENT"),
                        tuple(120, "LEGAL_NOTICE", "ESC-07-LEGAL-NOTICE"),
                        tuple(135, "LITIGATION", "ESC-08-LITIGATION"),
                        tuple(180, "CHARGE_OFF", "ESC-10-CHARGE-OFF"));
        EscalationDecision litigation = decisions.get(135);
        assertThat(litigation.from()).isEqualTo("LEGAL_NOTICE");
        assertThat(litigation.strategy()).isEqualTo(EscalationLadder.CHAMPION);
        assertThat(litigation.explanation()).contains("LEGAL_NOTICE on 2026-05-01, 15 >= 15 days ago")
                .contains("no payment since LEGAL_NOTICE");
        assertThat(decisions.get(61).inputs()).containsEntry("daysPastDue", "61").containsEntry("holds", "")
                .containsEntry("currency", "CNY");
        assertThat(store().find(loanId).orElseThrow().stage()).isEqualTo("CHARGE_OFF");
        // The call task was asked of the CN contact rule pack, and its evaluation is stored with the decision.
        EscalationDecision.PlannedAction call = store().decisions(loanId).stream()
                .filter(d -> d.businessDate().equals(DUE.plusDays(16))).findFirst().orElseThrow().actions().get(0);
        assertThat(call.action()).isEqualTo("CALL_TASK");
        assertThat(call.contact().decision()).isInstanceOf(ContactDecision.Allow.class);
        assertThat(call.contact().rulePack()).isEqualTo("CN");
        assertThat(call.contact().evaluatedAt()).isEqualTo(DUE.plusDays(16).atTime(9, 0).atZone(SHANGHAI).toInstant());
        assertThat(call.contact().verdicts()).extracting(RuleVerdict::rule)
                .contains("optOut", "quietHours", "dailyConversationLimit");
        assertThat(decisions.get(31).actions()).allMatch(a -> a.contact() == null);

        List<JsonNode> published = forLoan(receive(EmulatorsResource.allActionsQueueUrl()), loanId);
        // The shipped ladder's settlement offer OFFER-LETTER-SETTLE is made with the letter, and expires, once.
        assertThat(published).extracting(m -> m.get("action").asText()).containsExactly("CALL_TASK", "LETTER",
                "OFFER_MADE", "OFFER_EXPIRED", "FIELD_VISIT", "AGENCY_NOTICE", "AGENCY_PLACEMENT", "LEGAL_NOTICE", "LITIGATION_REFERRAL",
                "CHARGE_OFF_PROPOSAL");
        JsonNode letter = published.get(1);
        assertThat(published.get(2).get("actionId").asText())
                .isEqualTo("D-" + loanId + "-2026-02-01#OFFER_MADE#OFFER-LETTER-SETTLE");
        assertThat(published.get(2).get("reason").asText()).contains("Settlement offer OFFER-LETTER-SETTLE: pay CNY ");
        assertThat(published.get(3).get("actionId").asText()).isEqualTo("D-" + loanId + "-2026-02-16"
                + "#OFFER_EXPIRED#OFFER-LETTER-SETTLE#2026-02-01");
        assertThat(letter.get("decisionId").asText()).isEqualTo("D-" + loanId + "-2026-02-01");
        assertThat(letter.get("actionId").asText()).isEqualTo("D-" + loanId + "-2026-02-01#LETTER");
        assertThat(letter.get("borrowerId").asText()).isEqualTo("B-" + loanId);
        assertThat(letter.get("stage").asText()).isEqualTo("LETTER");
        assertThat(letter.toString()).doesNotContain("Zhang").doesNotContain("+86");

        List<JsonNode> legal = receive(EmulatorsResource.legalNoticeQueueUrl());
        assertThat(legal).extracting(m -> m.get("action").asText()).containsExactly("LEGAL_NOTICE");
        assertThat(legal.get(0).get("loanId").asText()).isEqualTo(loanId);

        // A re-run of a decided day changes nothing and publishes nothing.
        at(DUE.plusDays(180));
        EscalationDecisionUseCase.Result rerun = escalation.decide(loanId, DUE.plusDays(180));
        assertThat(rerun.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
        assertThat(rerun.actionsPublished()).isZero();
        assertThat(store().decisions(loanId)).hasSize(10); // the nine steps and the offer's expiry
        assertThat(receive(EmulatorsResource.allActionsQueueUrl())).isEmpty();
    }

    @Test
    void agency_placement_waits_seven_days_after_the_agency_notice() {
        String loanId = champion("L-SEEN-LATE");
        book(loanId);

        Map<Integer, EscalationDecision> decisions = walk(loanId, 95, 110);

        assertThat(decisions.entrySet()).extracting(e -> e.getKey(), e -> e.getValue().to())
                .containsExactly(tuple(95, "AGENCY_NOTICE"), tuple(102, "AGENCY_PLACEMENT"),
                        // The jump past LETTER made its settlement offer on day 95: unpaid, it expires on day 110.
                        tuple(110, "AGENCY_PLACEMENT"));
        assertThat(decisions.get(110).rule()).isEqualTo("OFFER-LETTER-SETTLE");
        assertThat(decisions.get(102).explanation()).contains("AGENCY_NOTICE on 2026-04-06, 7 >= 7 days ago");
    }

    @Test
    void a_kept_promise_holds_escalation_and_escalation_resumes_when_it_is_resolved() {
        String loanId = champion("L-KEPT");
        book(loanId);
        walk(loanId, 0, 10);
        apply(day(10), promise("ptp-" + loanId, loanId, "PTP-1", "1000.00", DUE.plusDays(20), 10));

        Map<Integer, EscalationDecision> held = walk(loanId, 11, 17);
        assertThat(held.entrySet()).extracting(e -> e.getKey(), e -> e.getValue().from(), e -> e.getValue().to(),
                e -> e.getValue().rule()).containsExactly(tuple(16, "EARLY_REMINDER", "EARLY_REMINDER", "ESC-HOLD"));
        assertThat(held.get(16).explanation()).contains("to CALL").contains("held by PROMISE_TO_PAY");
        assertThat(held.get(16).actions()).isEmpty();

        apply(day(18), Events.payment("pay-" + loanId, loanId, "P-1", "1000.00", DUE.plusDays(18).toString(),
                day(18)));
        Map<Integer, EscalationDecision> after = walk(loanId, 19, 19);
        assertThat(after.get(19).to()).isEqualTo("CALL");
        assertThat(after.get(19).inputs()).containsEntry("holds", "");
    }

    @Test
    void a_broken_promise_escalates_one_step_at_once() {
        String loanId = champion("L-BROKEN");
        book(loanId);
        walk(loanId, 0, 3);
        apply(day(3), promise("ptp-" + loanId, loanId, "PTP-9", "6000.00", DUE.plusDays(8), 3));

        Map<Integer, EscalationDecision> decisions = walk(loanId, 4, 14);

        // Promised for DPD 8, held until DPD 10 (+2 days grace), broken on DPD 11: CALL at once, not at DPD 16.
        assertThat(decisions.entrySet()).extracting(e -> e.getKey(), e -> e.getValue().to(), e -> e.getValue().rule())
                .containsExactly(tuple(11, "CALL", "ESC-PTP-BROKEN"));
        assertThat(decisions.get(11).inputs()).containsEntry("brokenPromises", "PTP-9");
        assertThat(decisions.get(11).actions()).extracting(EscalationDecision.PlannedAction::action)
                .containsExactly("CALL_TASK");
        assertThat(walk(loanId, 15, 20)).isEmpty(); // the promise escalated once; DPD 16 is already CALL
    }

    @Test
    void an_open_dispute_holds_the_loan_until_it_is_resolved() {
        String loanId = champion("L-DISPUTE");
        book(loanId);
        walk(loanId, 0, 20);
        apply(day(20), dispute("dsp-" + loanId, loanId, true));

        Map<Integer, EscalationDecision> held = walk(loanId, 21, 70);
        assertThat(held.entrySet()).extracting(e -> e.getKey(), e -> e.getValue().to(), e -> e.getValue().rule())
                .containsExactly(tuple(31, "CALL", "ESC-HOLD"));
        assertThat(held.get(31).inputs()).containsEntry("holds", "DISPUTE");
        assertThat(store().find(loanId).orElseThrow().stage()).isEqualTo("CALL");

        apply(day(70), dispute("dsr-" + loanId, loanId, false));
        assertThat(walk(loanId, 71, 71).get(71).to()).isEqualTo("FIELD_VISIT");
    }

    @Test
    void a_cure_at_agency_placement_returns_to_current_and_recalls_the_agency_through_the_scan_and_function()
            throws Exception {
        String loanId = champion("L-CURE");
        book(loanId);
        for (int dpd = 0; dpd <= 93; dpd++) {
            // As in production: the daily scan ages the loan (and records its delinquency), then the worker decides.
            at(DUE.plusDays(dpd));
            scan.scan(SHANGHAI, DUE.plusDays(dpd));
            walk(loanId, dpd, dpd);
        }
        receive(EmulatorsResource.workQueueUrl());
        assertThat(store().find(loanId).orElseThrow().stage()).isEqualTo("AGENCY_PLACEMENT");
        receive(EmulatorsResource.allActionsQueueUrl());
        apply(day(93), Events.payment("pay-" + loanId, loanId, "P-1", "9000.00", DUE.plusDays(93).toString(),
                day(93)));

        // The next scan hands the cured loan to the workers once more (DPD 0).
        at(DUE.plusDays(94));
        scan.scan(SHANGHAI, DUE.plusDays(94));
        List<JsonNode> work = forLoan(receive(EmulatorsResource.workQueueUrl()), loanId);
        assertThat(work).hasSize(1);
        assertThat(work.get(0).get("daysPastDue").asInt()).isZero();

        List<String> failures = post(List.of(work.get(0).toString()));

        assertThat(failures).isEmpty();
        EscalationDecision cure = store().decisions(loanId).get(store().decisions(loanId).size() - 1);
        assertThat(cure.from()).isEqualTo("AGENCY_PLACEMENT");
        assertThat(cure.to()).isEqualTo("CURRENT");
        assertThat(cure.rule()).isEqualTo("ESC-CURE");
        assertThat(cure.explanation()).contains("AGENCY_RECALL is published");
        assertThat(forLoan(receive(EmulatorsResource.allActionsQueueUrl()), loanId))
                .extracting(m -> m.get("action").asText()).containsExactly("AGENCY_RECALL");
        assertThat(store().find(loanId).orElseThrow().stage()).isEqualTo("CURRENT");
        // The episode is over: the next scan leaves the paid-off loan alone.
        at(DUE.plusDays(95));
        scan.scan(SHANGHAI, DUE.plusDays(95));
        assertThat(forLoan(receive(EmulatorsResource.workQueueUrl()), loanId)).isEmpty();
    }

    @Test
    void a_duplicate_work_item_decides_and_publishes_once_and_a_bad_item_fails_alone() throws Exception {
        String loanId = champion("L-DUP");
        book(loanId);
        walk(loanId, 0, 15);
        at(DUE.plusDays(16));
        String item = WorkItemMessage.write(new WorkItem(loanId, "B-" + loanId, DUE.plusDays(16), "Asia/Shanghai", 16,
                "MILD", "4-30", "6000.00", "CNY"));

        List<String> failures = post(List.of(item, item, "{\"businessDate\":\"2026-01-17\"}"));

        assertThat(failures).containsExactly("m3");
        assertThat(store().decisions(loanId)).extracting(EscalationDecision::to)
                .containsExactly("EARLY_REMINDER", "CALL");
        assertThat(forLoan(receive(EmulatorsResource.allActionsQueueUrl()), loanId))
                .extracting(m -> m.get("action").asText()).containsExactly("CALL_TASK");
    }

    @Test
    void an_opt_out_of_calls_skips_the_call_task_with_the_rule_packs_reason() throws Exception {
        String loanId = champion("L-NO-CALLS");
        book(loanId);
        walk(loanId, 0, 10);
        apply(day(10), envelope("pref-" + loanId, "ContactPreferencesChanged", loanId, day(10),
                "{\"optOut\":[\"CALL\"],\"ceaseCommunication\":false}"));
        receive(EmulatorsResource.allActionsQueueUrl());

        EscalationDecision call = walk(loanId, 11, 16).get(16);

        assertThat(call.to()).isEqualTo("CALL");
        EscalationDecision.PlannedAction task = call.actions().get(0);
        assertThat(task.status()).isEqualTo(EscalationDecision.ActionStatus.SKIPPED);
        assertThat(task.rule()).isEqualTo("optOut");
        assertThat(task.reason()).contains("opted out of CALL");
        assertThat(task.contact().decision()).isInstanceOf(ContactDecision.Suppress.class);
        assertThat(store().decisions(loanId).get(store().decisions(loanId).size() - 1).actions().get(0))
                .isEqualTo(task);
        assertThat(forLoan(receive(EmulatorsResource.allActionsQueueUrl()), loanId)).isEmpty();
    }

    @Test
    void a_judgment_moves_a_litigated_loan_to_enforcement() {
        String loanId = champion("L-JUDGMENT");
        book(loanId);
        walk(loanId, 0, 140);
        assertThat(store().find(loanId).orElseThrow().stage()).isEqualTo("LITIGATION");
        apply(day(140), legal("jdg-" + loanId, loanId, "JUDGMENT", DUE.plusDays(140)));

        EscalationDecision d = walk(loanId, 141, 141).get(141);

        assertThat(d.to()).isEqualTo("ENFORCEMENT");
        assertThat(d.actions()).extracting(EscalationDecision.PlannedAction::action)
                .containsExactly("ENFORCEMENT_REQUEST");
        assertThat(d.inputs()).containsEntry("legalFlags", "JUDGMENT");
    }

    // ------------------------------------------------------------------ helpers

    /** A loan id that the champion/challenger hash puts on the champion arm, so the walks use the champion ladder. */
    private static String champion(String prefix) {
        EscalationLadder ladder = com.overdue.collections.core.config.EngineConfiguration.fromClasspath().ladders().ladderFor("CONSUMER-INSTALMENT");
        for (int i = 1; ; i++) {
            String id = prefix + "-" + i;
            if (new StrategyAssignment().strategyOf(ladder, id).equals(EscalationLadder.CHAMPION)) {
                return id;
            }
        }
    }

    /** Runs the decision for every DPD in the range at 06:00 Shanghai; the decisions made, by DPD. */
    private Map<Integer, EscalationDecision> walk(String loanId, int fromDpd, int toDpd) {
        Map<Integer, EscalationDecision> out = new LinkedHashMap<>();
        for (int dpd = fromDpd; dpd <= toDpd; dpd++) {
            LocalDate date = DUE.plusDays(dpd);
            at(date);
            EscalationDecisionUseCase.Result r = escalation.decide(loanId, date);
            if (r.decision() != null) {
                out.put(dpd, r.decision());
            }
        }
        return out;
    }

    private static void at(LocalDate date) {
        TestClock.set(date.atTime(6, 0).atZone(SHANGHAI).toInstant().toString());
    }

    /** 10:00 Shanghai on DPD n, as an instant. */
    private static String day(int dpd) {
        return DUE.plusDays(dpd).atTime(10, 0).atZone(SHANGHAI).toInstant().toString();
    }

    private void book(String loanId) {
        TestClock.set("2025-12-01T02:00:00Z");
        String json = "{\"eventId\":\"book-" + loanId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2025-12-01T02:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":"
                + "\"B-" + loanId + "\",\"productCode\":\"CONSUMER-INSTALMENT\",\"currency\":\"CNY\","
                + "\"jurisdiction\":\"CN\",\"timeZone\":\"Asia/Shanghai\",\"principal\":\"6000.00\","
                + "\"disbursedOn\":\"2025-12-01\",\"installments\":[{\"seq\":1,\"dueDate\":\"2026-01-01\","
                + "\"principal\":\"6000.00\",\"interest\":\"0.00\",\"fees\":\"0.00\"}],\"borrower\":{\"name\":"
                + "{\"first\":\"Wei\",\"middle\":\"\",\"last\":\"Zhang\"},\"locale\":\"zh-CN\",\"timeZone\":"
                + "\"Asia/Shanghai\",\"email\":\"wei@example.com\",\"phone\":\"+8613800000000\"}}}";
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private void apply(String at, String json) {
        TestClock.set(at);
        assertThat(ingest.ingest(json)).isInstanceOf(IngestOutcome.Applied.class);
    }

    private static String envelope(String eventId, String type, String loanId, String occurredAt, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\""
                + occurredAt + "\",\"loanId\":\"" + loanId + "\",\"payload\":" + payload + "}";
    }

    /** A promise to pay made at 10:00 on DPD {@code madeOnDpd}. */
    private static String promise(String eventId, String loanId, String promiseId, String amount, LocalDate by,
                                  int madeOnDpd) {
        return envelope(eventId, "PromiseToPayMade", loanId, day(madeOnDpd), "{\"promiseId\":\"" + promiseId
                + "\",\"amount\":\"" + amount + "\",\"promisedDate\":\"" + by + "\",\"via\":\"CALL\"}");
    }

    private static String dispute(String eventId, String loanId, boolean open) {
        int dpd = open ? 20 : 70;
        return open ? envelope(eventId, "DisputeOpened", loanId, day(dpd),
                "{\"disputeId\":\"D-1\",\"reason\":\"Borrower says the instalment was paid in cash\"}")
                : envelope(eventId, "DisputeResolved", loanId, day(dpd),
                "{\"disputeId\":\"D-1\",\"outcome\":\"REJECTED\",\"consumerDisagrees\":false}");
    }

    private static String legal(String eventId, String loanId, String kind, LocalDate on) {
        int dpd = (int) java.time.temporal.ChronoUnit.DAYS.between(DUE, on);
        return envelope(eventId, "LegalEventRecorded", loanId, day(dpd),
                "{\"kind\":\"" + kind + "\",\"on\":\"" + on + "\"}");
    }

    private static List<String> post(List<String> bodies) {
        return RestAssured.given().contentType("application/json").body(Events.sqsBatch(bodies)).post("/")
                .then().statusCode(200).extract().jsonPath().getList("batchItemFailures.itemIdentifier");
    }

    private static List<JsonNode> forLoan(List<JsonNode> messages, String loanId) {
        return messages.stream().filter(m -> m.get("loanId").asText().equals(loanId)).toList();
    }

    /** Drains a queue; messages in the order received (moto keeps the publishing order for one producer). */
    private static List<JsonNode> receive(String queueUrl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (SqsClient sqs = EmulatorsResource.sqs()) {
            while (true) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return out;
                }
                for (Message m : messages) {
                    out.add(MAPPER.readTree(m.body()));
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    private EscalationStore store() {
        return engine.escalationStore();
    }
}
