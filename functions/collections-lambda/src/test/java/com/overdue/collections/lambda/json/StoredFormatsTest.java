package com.overdue.collections.lambda.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.bureau.BureauRecord;
import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactPurpose;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactRequest;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.contact.ContactConditions;
import com.overdue.collections.core.escalation.EscalationDecision;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.ledger.LoanConditions;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.metro2.AccountStatus;
import com.overdue.collections.core.metro2.FieldAdjustment;
import com.overdue.collections.lambda.dynamodb.BureauRecordDocument;
import com.overdue.collections.lambda.dynamodb.ContactRecordDocument;
import com.overdue.collections.lambda.dynamodb.EscalationActionDocument;
import com.overdue.collections.lambda.dynamodb.EscalationDecisionDocument;
import com.overdue.collections.lambda.dynamodb.EscalationStateDocument;
import com.overdue.collections.lambda.dynamodb.LoanSnapshotDocument;
import com.overdue.collections.lambda.s3.Metro2ManifestDocument;
import com.overdue.collections.lambda.sns.ActionMessage;
import com.overdue.collections.lambda.sqs.WorkItemMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static com.overdue.collections.lambda.json.StoredFormatFixtures.m;
import static com.overdue.collections.lambda.json.StoredFormatFixtures.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every stored format read from its version-1 golden sample (written by the hand-written codecs of 071d3c7, see
 * {@link StoredFormatFixtures}) gives the domain values it was written from, and the current version reads back what
 * it writes. Where version 2 only adds {@code "v"}, it must write the same JSON as version 1 did, otherwise.
 */
class StoredFormatsTest {

    // ---- loan snapshot: version 2 renamed position.credit, so reading v1 needs the upgrade

    @Test
    void a_v1_snapshot_reads_with_its_credit_installments_conditions_and_status() {
        LoanSnapshotDocument.Snapshot back = LoanSnapshotDocument.read(v1("loan-snapshot.json"));

        LoanSnapshotDocument.Snapshot expected = StoredFormatFixtures.lateLoan();
        // v1 called it "credit": without the upgrade this would be missing (and the read would fail).
        assertThat(back.position().unappliedCredit()).isEqualTo(m("12.34"));
        assertThat(back.position().installments().get(0).waived().penalty()).isEqualTo(m("2.00"));
        assertThat(back.position().installments().get(0).pausedDays()).isEqualTo(3);
        assertThat(back.position().installments().get(1).waived()).isEqualTo(
                expected.position().installments().get(1).waived());
        LoanConditions c = back.position().conditions();
        assertThat(c.holds()).containsExactly("HARDSHIP_PLAN", "DISPUTE", "PROMISE_TO_PAY");
        assertThat(c.activeHardship().orElseThrow().plan()).extracting(LoanConditions.PlanPayment::amount)
                .containsExactly("200.00", "235.00");
        assertThat(c.contact().optOut()).containsExactlyInAnyOrder("SMS", "EMAIL");
        assertThat(c.contact().complaintChannels()).containsExactly("CALL");
        assertThat(c.waivers()).extracting(LoanConditions.Waiver::approvedBy).containsExactly("supervisor-2");
        assertThat(back.status().overdueByBucket().keySet()).containsExactly("M2", "M1");
        assertThat(back.terms()).isEqualTo(expected.terms());
        assertThat(back.position()).isEqualTo(expected.position());
        assertThat(back.status()).isEqualTo(expected.status());
    }

    @Test
    void a_v1_closed_snapshot_reads_with_closure_credit_and_absent_dates() {
        LoanSnapshotDocument.Snapshot back = LoanSnapshotDocument.read(v1("loan-snapshot-closed.json"));

        assertThat(back.position().closure().reason()).isEqualTo("PAID_OFF");
        assertThat(back.position().unappliedCredit()).isEqualTo(m("500.00"));
        assertThat(back.position().dateOfFirstDelinquency()).isNull();
        assertThat(back.position().conditions()).isEqualTo(LoanConditions.NONE);
        assertThat(back).isEqualTo(StoredFormatFixtures.closedLoan());
    }

    @Test
    void the_v1_snapshot_does_not_bind_to_the_v2_record_without_the_upgrade() throws Exception {
        LoanSnapshotDocument raw = DocumentMapper.mapper().readValue(v1("loan-snapshot.json"),
                LoanSnapshotDocument.class);

        assertThat(raw.position().unappliedCredit()).isNull();
        assertThatThrownBy(raw::toDomain).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_v2_snapshot_is_versioned_and_reads_back_exactly() {
        for (LoanSnapshotDocument.Snapshot s : List.of(StoredFormatFixtures.lateLoan(),
                StoredFormatFixtures.closedLoan())) {
            String json = DocumentMapper.write(LoanSnapshotDocument.from(s.terms(), s.position(), s.status()));

            assertThat(tree(json).get("v").asInt()).isEqualTo(2);
            assertThat(tree(json).get("position").has("unappliedCredit")).isTrue();
            assertThat(tree(json).get("position").has("credit")).isFalse();
            assertThat(LoanSnapshotDocument.read(json)).isEqualTo(s);
        }
    }

    @Test
    void a_current_snapshot_binds_straight_from_its_text_and_reads_as_the_tree_path_does() {
        LoanSnapshotDocument.Snapshot s = StoredFormatFixtures.lateLoan();
        String json = DocumentMapper.write(LoanSnapshotDocument.from(s.terms(), s.position(), s.status()));
        // "v" first: the records declare it first, which is what lets a read skip the tree.
        assertThat(json).startsWith("{\"v\":2,");
        assertThat(LoanSnapshotDocument.read(json)).isEqualTo(s);
        // The same document with "v" last takes the general path, and reads the same.
        ObjectNode moved = (ObjectNode) tree(json);
        moved.remove("v");
        moved.put("v", 2);
        assertThat(moved.toString()).doesNotStartWith("{\"v\":");
        assertThat(LoanSnapshotDocument.read(moved.toString())).isEqualTo(s);
    }

    @Test
    void a_current_prefix_does_not_excuse_a_bad_document_or_a_newer_version() {
        // Broken JSON and a wrong shape behind the current prefix still get the general path's named errors.
        assertThatThrownBy(() -> LoanSnapshotDocument.read("{\"v\":2,\"terms\":"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("loan snapshot is not JSON");
        assertThatThrownBy(() -> LoanSnapshotDocument.read("{\"v\":2,\"terms\":[1]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("corrupt loan snapshot");
        // "{\"v\":2" is a prefix of "{\"v\":20": the comma in the prefix keeps a newer version out of the fast path.
        assertThatThrownBy(() -> LoanSnapshotDocument.read("{\"v\":20,\"terms\":{}}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format version 20");
    }

    @Test
    void a_currency_without_minor_units_keeps_its_scale() {
        Currency jpy = Currency.getInstance("JPY");
        LoanSnapshotDocument.Snapshot s = StoredFormatFixtures.closedLoan();
        var terms = new com.overdue.collections.core.loan.LoanTerms("L-3", "B-3", "JP-INSTALMENT", jpy, "JP",
                ZoneId.of("Asia/Tokyo"), new Money(new BigDecimal("100000"), jpy), LocalDate.of(2026, 1, 15),
                List.of(new com.overdue.collections.core.loan.ScheduledInstallment(1, LocalDate.of(2026, 2, 15),
                        new Money(new BigDecimal("100000"), jpy), new Money(new BigDecimal("1500"), jpy),
                        Money.zero(jpy))));
        var position = new com.overdue.collections.core.ledger.LoanPosition(terms, LocalDate.of(2026, 3, 1),
                List.of(com.overdue.collections.core.ledger.InstallmentPosition.scheduled(terms.schedule().get(0))
                        .accrue(new Money(new BigDecimal("700"), jpy))), Money.zero(jpy), LocalDate.of(2026, 2, 16),
                null, null, null);
        var status = new com.overdue.collections.core.delinquency.DelinquencyStatus(LocalDate.of(2026, 3, 1), 14,
                s.status().severity(), "1-30", new Money(new BigDecimal("101500"), jpy), java.util.Map.of(),
                List.of());

        String json = DocumentMapper.write(LoanSnapshotDocument.from(terms, position, status));

        assertThat(json).contains("\"overdueAmount\":\"101500\"").contains("\"penalty\":\"700\"");
        assertThat(LoanSnapshotDocument.read(json).position()).isEqualTo(position);
    }

    // ---- contact records

    @Test
    void v1_contact_records_read_with_every_evaluation_and_verdict() {
        ContactRecord sent = ContactRecordDocument.read(v1("contact-record-sent.json"));
        ContactRecord suppressed = ContactRecordDocument.read(v1("contact-record-suppressed.json"));

        assertThat(sent.state()).isEqualTo(ContactState.SENT);
        assertThat(sent.evaluations()).hasSize(2);
        assertThat(sent.evaluations().get(0).decision()).isEqualTo(new ContactDecision.Defer(
                Instant.parse("2026-03-11T00:00:00Z"), "quietHours", "22:00-08:00 local"));
        assertThat(sent.evaluations().get(0).verdicts().get(1).decision()).isEqualTo(ContactDecision.allow());
        assertThat(sent.version()).isEqualTo(4);
        assertThat(sent).isEqualTo(StoredFormatFixtures.sentContact());
        assertThat(suppressed.messageId()).isNull();
        assertThat(suppressed.evaluations().get(0).verdicts().get(0).basis()).isNull();
        assertThat(suppressed).isEqualTo(StoredFormatFixtures.suppressedContact());
    }

    @Test
    void a_contact_record_written_now_is_the_v1_json_plus_the_version() {
        for (String sample : List.of("contact-record-sent.json", "contact-record-suppressed.json")) {
            String json = ContactRecordDocument.write(ContactRecordDocument.read(v1(sample)));

            assertThat(json).startsWith("{\"v\":2,");
            assertThat(withoutVersion(json)).isEqualTo(tree(v1(sample)));
            assertThat(ContactRecordDocument.read(json)).isEqualTo(ContactRecordDocument.read(v1(sample)));
        }
    }

    @Test
    void a_contact_record_from_the_rule_packs_survives_its_json_form_with_every_verdict() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant at = LocalDate.parse("2026-03-10").atTime(22, 30).atZone(shanghai).toInstant();
        ContactEvaluation e = EngineConfiguration.fromClasspath().contactPolicy().evaluate(List.of("CN"), new ContactRequest("B-1",
                Channel.SMS, ContactPurpose.REMINDER, at, shanghai, ContactConditions.NONE, List.of()));
        ContactDecision.Defer defer = (ContactDecision.Defer) e.decision();
        ContactRecord r = ContactRecord.planned("B-1", LocalDate.parse("2026-03-10"), Channel.SMS, "M1", at,
                        List.of("L-1#2026-03-07#R1"), List.of("L-1"), List.of("CN"), "zh-CN", "Asia/Shanghai")
                .decided(ContactState.DEFERRED, defer.until(), e, null);

        ContactRecord back = ContactRecordDocument.read(ContactRecordDocument.write(r));

        assertThat(back.evaluations().get(0).verdicts()).hasSizeGreaterThan(1);
        assertThat(back).isEqualTo(r);
    }

    // ---- bureau records

    @Test
    void v1_bureau_records_read_with_their_codes_amounts_and_dates() {
        BureauRecord chargedOff = BureauRecordDocument.read(v1("bureau-record.json"));
        BureauRecord withheld = BureauRecordDocument.read(v1("bureau-record-withheld.json"));

        assertThat(chargedOff.accountStatus()).isEqualTo(AccountStatus.CHARGED_OFF);
        assertThat(chargedOff.originalChargeOffAmount()).isEqualByComparingTo("1500.00");
        assertThat(chargedOff.paymentHistoryProfile().value()).isEqualTo("3210000000000BBBBBBBBBBB");
        assertThat(chargedOff).isEqualTo(StoredFormatFixtures.chargedOff());
        assertThat(withheld.paymentRating()).isNull();
        assertThat(withheld.amountPastDue()).isEqualByComparingTo("0");
        assertThat(withheld).isEqualTo(StoredFormatFixtures.withheld());
    }

    @Test
    void a_bureau_record_written_now_is_the_v1_json_plus_the_version() {
        for (String sample : List.of("bureau-record.json", "bureau-record-withheld.json")) {
            String json = BureauRecordDocument.write(BureauRecordDocument.read(v1(sample)));

            assertThat(tree(json).get("v").asInt()).isEqualTo(2);
            assertThat(withoutVersion(json)).isEqualTo(tree(v1(sample)));
            assertThat(BureauRecordDocument.read(json)).isEqualTo(BureauRecordDocument.read(v1(sample)));
        }
    }

    // ---- escalation decision, state and action

    @Test
    void a_v1_decision_reads_with_its_inputs_and_actions_and_writes_the_same_json_plus_the_version() {
        EscalationDecision back = EscalationDecisionDocument.read(v1("escalation-decision.json"));

        assertThat(back.inputs()).containsEntry("daysPastDue", "30").containsEntry("holds", "");
        assertThat(back.actions()).extracting(EscalationDecision.PlannedAction::status).containsExactly(
                EscalationDecision.ActionStatus.PENDING, EscalationDecision.ActionStatus.DEFERRED,
                EscalationDecision.ActionStatus.SKIPPED);
        assertThat(back.actions().get(1).until()).isEqualTo(Instant.parse("2026-03-21T01:00:00Z"));
        assertThat(back).isEqualTo(StoredFormatFixtures.decision());
        String json = EscalationDecisionDocument.write(back);
        assertThat(withoutVersion(json)).isEqualTo(tree(v1("escalation-decision.json")));
        // The inputs are written sorted: the same decision always writes the same decisions.jsonl line.
        assertThat(json).contains("\"inputs\":{\"daysPastDue\":\"30\",\"holds\":\"\",\"overdueAmount\":\"1470.00\"}");
    }

    @Test
    void a_v1_state_reads_with_the_items_stage_and_version() {
        EscalationState back = EscalationStateDocument.read(v1("escalation-state.json"), "L-GOLD-1", "AGENCY", 7);
        EscalationState start = EscalationStateDocument.read(v1("escalation-state-start.json"), "L-GOLD-2",
                EscalationState.start("L-GOLD-2", "A").stage(), 0);

        assertThat(back.deferred().until()).isEqualTo(Instant.parse("2026-03-21T01:00:00Z"));
        assertThat(back.stagesEntered()).containsEntry("SOFT", LocalDate.of(2026, 2, 20));
        assertThat(back).isEqualTo(StoredFormatFixtures.state());
        assertThat(start.deferred()).isNull();
        assertThat(start).isEqualTo(EscalationState.start("L-GOLD-2", "A"));
        // Version 3 adds "offers", left out when none was made: otherwise the v1 JSON.
        assertThat(withoutVersion(EscalationStateDocument.write(back), 3))
                .isEqualTo(tree(v1("escalation-state.json")));
        assertThat(withoutVersion(EscalationStateDocument.write(start), 3))
                .isEqualTo(tree(v1("escalation-state-start.json")));
    }

    @Test
    void a_v2_state_reads_without_offers_and_a_v3_state_keeps_its_offers_terms_and_outcomes() {
        ObjectNode v2 = (ObjectNode) tree(v1("escalation-state.json"));
        v2.put("v", 2);
        assertThat(EscalationStateDocument.read(v2.toString(), "L-GOLD-1", "AGENCY", 7).offers()).isEmpty();

        Currency cny = Currency.getInstance("CNY");
        java.util.Map<com.overdue.collections.core.loan.Component, Money> waived = new java.util.EnumMap<>(
                com.overdue.collections.core.loan.Component.class);
        waived.put(com.overdue.collections.core.loan.Component.PENALTY, new Money(new BigDecimal("12.30"), cny));
        waived.put(com.overdue.collections.core.loan.Component.FEES, new Money(new BigDecimal("20.00"), cny));
        var terms = new com.overdue.collections.core.ledger.SettlementOffer.Terms("OFFER-LETTER-SETTLE",
                LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 3), new Money(new BigDecimal("6104.60"), cny),
                waived);
        EscalationState withOffers = StoredFormatFixtures.state().withOffers(List.of(
                EscalationState.Offer.open(terms),
                EscalationState.Offer.open(terms).resolved(EscalationState.OfferOutcome.EXPIRED,
                        LocalDate.of(2026, 4, 4))));

        String json = EscalationStateDocument.write(withOffers);

        assertThat(tree(json).get("v").asInt()).isEqualTo(3);
        assertThat(tree(json).get("offers").get(0).toString()).isEqualTo("{\"rule\":\"OFFER-LETTER-SETTLE\","
                + "\"madeOn\":\"2026-03-20\",\"deadline\":\"2026-04-03\",\"currency\":\"CNY\","
                + "\"balance\":\"6104.60\",\"waived\":{\"FEES\":\"20.00\",\"PENALTY\":\"12.30\"},"
                + "\"outcome\":\"OPEN\"}");
        assertThat(EscalationStateDocument.read(json, "L-GOLD-1", "AGENCY", 7)).isEqualTo(withOffers);
        assertThat(EscalationStateDocument.write(EscalationStateDocument.read(json, "L-GOLD-1", "AGENCY", 7)))
                .isEqualTo(json);
    }

    @Test
    void a_v1_action_item_gives_the_message_to_publish() {
        assertThat(EscalationActionDocument.readMessage(v1("escalation-action.json")))
                .isEqualTo(StoredFormatFixtures.action());
        EscalationDecision.PlannedAction pending = StoredFormatFixtures.decision().actions().get(0);
        String json = EscalationActionDocument.write(pending, StoredFormatFixtures.action());
        assertThat(withoutVersion(json)).isEqualTo(tree(v1("escalation-action.json")));
    }

    @Test
    void a_call_task_keeps_the_rule_packs_evaluation_and_an_action_without_one_writes_as_before() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant at = LocalDate.parse("2026-03-20").atTime(22, 30).atZone(shanghai).toInstant();
        ContactEvaluation e = EngineConfiguration.fromClasspath().contactPolicy().evaluateCall("B-GOLD-1", "CN", at,
                shanghai, ContactConditions.NONE, List.of());
        ContactDecision.Defer defer = (ContactDecision.Defer) e.decision();
        EscalationDecision gold = StoredFormatFixtures.decision();
        EscalationDecision.PlannedAction call = new EscalationDecision.PlannedAction(
                "D-L-GOLD-1-2026-03-20#CALL_TASK", "CALL_TASK", EscalationDecision.ActionStatus.DEFERRED,
                defer.until(), defer.rule(), defer.reason(), e);
        EscalationDecision withCall = new EscalationDecision(gold.decisionId(), gold.loanId(), gold.borrowerId(),
                gold.productCode(), gold.businessDate(), gold.from(), gold.to(), gold.rule(), gold.strategy(),
                gold.ability(), gold.inputs(), gold.explanation(), List.of(gold.actions().get(0), call));

        String json = EscalationDecisionDocument.write(withCall);
        EscalationDecision back = EscalationDecisionDocument.read(json);

        assertThat(back).isEqualTo(withCall);
        assertThat(back.actions().get(1).contact().verdicts()).extracting(v -> v.rule())
                .contains("quietHours", "dailyConversationLimit", "optOut");
        JsonNode actions = tree(json).get("actions");
        assertThat(actions.get(0).has("contact")).as("no contact key on an action no rule was asked about").isFalse();
        assertThat(actions.get(1).get("contact").get("decision").get("outcome").asText()).isEqualTo("DEFER");
        assertThat(actions.get(1).get("contact").get("rulePack").asText()).isEqualTo("CN");
        String item = EscalationActionDocument.write(call, StoredFormatFixtures.action());
        assertThat(tree(item).get("contact").get("verdicts").size()).isEqualTo(e.verdicts().size());
        assertThat(EscalationActionDocument.readMessage(item)).isEqualTo(StoredFormatFixtures.action());
    }

    // ---- wire messages: no version, the same fields

    @Test
    void the_work_item_and_action_messages_keep_their_v1_wire_form() {
        assertThat(WorkItemMessage.read(v1("work-item.json"))).isEqualTo(StoredFormatFixtures.workItem());
        assertThat(tree(WorkItemMessage.write(StoredFormatFixtures.workItem()))).isEqualTo(tree(v1("work-item.json")));
        assertThat(ActionMessage.read(v1("action-message.json"))).isEqualTo(StoredFormatFixtures.action());
        assertThat(tree(ActionMessage.write(StoredFormatFixtures.action())))
                .isEqualTo(tree(v1("action-message.json")));
    }

    @Test
    void a_malformed_work_message_is_refused_naming_the_field() {
        ObjectNode noLoan = (ObjectNode) tree(v1("work-item.json"));
        noLoan.remove("loanId");
        ObjectNode badDate = (ObjectNode) tree(v1("work-item.json"));
        badDate.put("businessDate", "20 March");
        ObjectNode extra = (ObjectNode) tree(v1("work-item.json"));
        extra.put("addedLater", true);

        assertThatThrownBy(() -> WorkItemMessage.read(noLoan.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("work message: loanId is required");
        assertThatThrownBy(() -> WorkItemMessage.read(badDate.toString()))
                .hasMessage("work message: businessDate must be yyyy-MM-dd");
        assertThatThrownBy(() -> WorkItemMessage.read("[1]")).hasMessage("work message must be a JSON object");
        assertThatThrownBy(() -> WorkItemMessage.read("{oops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("work message is not JSON");
        // A field added to the contract later is ignored (tolerant reader).
        assertThat(WorkItemMessage.read(extra.toString())).isEqualTo(StoredFormatFixtures.workItem());
    }

    // ---- the Metro 2 manifest

    @Test
    void a_v1_manifest_reads_with_its_counts_sums_and_lists_and_writes_the_same_json_plus_the_version() {
        Metro2Manifest back = Metro2ManifestDocument.read(v1("metro2-manifest.json"));

        assertThat(back.cycleDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(back.file().location()).isEqualTo("s3://reports/metro2/2026/03/metro2-2026-03-31.txt");
        assertThat(back.trailer().statusCounts()).containsEntry("97", 1).hasSize(3);
        assertThat(back.amountsByCurrency().get("USD")).isEqualTo(new Metro2Manifest.CurrencyTotals(
                BigInteger.valueOf(2034), BigInteger.valueOf(1100), BigInteger.valueOf(950), BigInteger.valueOf(101)));
        assertThat(back.accounts()).isEqualTo(new Metro2Manifest.AccountCounts(3, 1, 1, 0, 2, 0, 1));
        assertThat(back.negativeReportNotices()).isEqualTo(new Metro2Manifest.NoticeCounts(1, 2));
        assertThat(back.withheldPendingNotice()).containsExactly(new Metro2Manifest.Withheld("L-CN-2",
                AccountStatus.values()[1], LocalDate.of(2026, 4, 1)));
        assertThat(back.rejected().get(0).reasons()).containsExactly("missing date of birth", "missing address");
        assertThat(back.adjustments()).extracting(FieldAdjustment::kind).containsExactly(
                FieldAdjustment.Kind.TRANSLITERATED, FieldAdjustment.Kind.BLANKED);
        assertThat(back.corrections()).containsExactly(new Metro2Manifest.Correction("L-US-2",
                "restated 2026-02-28 from 1 to 0"));
        String json = new String(Metro2ManifestDocument.write(back), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"v\" : 2,\n  \"format\" : \"METRO2_426_FIXED\",");
        assertThat(withoutVersion(json)).isEqualTo(tree(v1("metro2-manifest.json")));
        assertThat(Metro2ManifestDocument.read(json)).isEqualTo(back);
    }

    // ---- versions

    @Test
    void a_document_from_a_newer_release_is_refused_and_not_misread() {
        ObjectNode future = (ObjectNode) tree(v1("bureau-record.json"));
        future.put("v", 3);

        assertThatThrownBy(() -> BureauRecordDocument.read(future.toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format version 3");
        assertThatThrownBy(() -> LoanSnapshotDocument.read("{\"v\":9}"))
                .hasMessageContaining("format version 9");
    }

    private static JsonNode tree(String json) {
        try {
            return DocumentMapper.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutVersion(String json) {
        return withoutVersion(json, 2);
    }

    private static JsonNode withoutVersion(String json, int version) {
        ObjectNode n = (ObjectNode) tree(json);
        assertThat(n.path("v").asInt()).as("written with the current version").isEqualTo(version);
        n.remove("v");
        return n;
    }
}
