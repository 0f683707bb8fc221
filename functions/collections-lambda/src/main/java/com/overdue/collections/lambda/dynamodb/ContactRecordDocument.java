package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.core.contact.RuleVerdict;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A contact record: the {@code body} of {@code BORROWER#<id> / CONTACT#<date>#<channel>} and one line of the local
 * runner's contacts.jsonl. Each evaluation carries the decision, every rule's verdict with its legal basis, and the
 * rule pack's digest. Absent values are written as {@code null} (a compliance reader sees every field).
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same. {@code version} is the optimistic lock of
 * the record, not the format. {@code claimedAt} (an attempt under way) and {@code unconfirmedAt} (an attempt whose
 * sender died) are left out when absent and ignored by readers that do not know them, so no new version.
 */
@RegisterForReflection
public record ContactRecordDocument(int v, String borrowerId, LocalDate businessDate, Channel channel,
                                    String messageId, ContactState state, Instant dueAt, Integer attempts,
                                    List<String> rounds, List<String> loanIds, List<String> jurisdictions,
                                    String locale, String timeZone, List<Evaluation> evaluations, Instant sentAt,
                                    String providerMessageId, String template, String contentSha256, String note,
                                    Long version, @JsonInclude(JsonInclude.Include.NON_NULL) Instant claimedAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Instant unconfirmedAt) {

    /** The current format version. */
    public static final int VERSION = 2;

    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity());

    /** One evaluation by a rule pack. */
    public record Evaluation(Decision decision, String rulePack, String rulePackVersion, Instant evaluatedAt,
                             List<Verdict> verdicts) {
    }

    /**
     * A decision: {@code outcome} always; {@code until} (DEFER), {@code decidedBy} and {@code reason} (DEFER and
     * SUPPRESS) are left out for ALLOW. {@code reason} is optional so that a DEFER without one still writes
     * {@code "reason":null}, as version 1 did.
     */
    public record Decision(String outcome, @JsonInclude(JsonInclude.Include.NON_NULL) Instant until,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> reason) {

        static Decision from(ContactDecision d) {
            if (d instanceof ContactDecision.Defer defer) {
                return new Decision(d.outcome(), defer.until(), defer.rule(), Optional.ofNullable(defer.reason()));
            }
            if (d instanceof ContactDecision.Suppress s) {
                return new Decision(d.outcome(), null, s.rule(), Optional.ofNullable(s.reason()));
            }
            return new Decision(d.outcome(), null, null, null);
        }
    }

    /** One rule's verdict: the decision's fields, then the rule and its legal basis. */
    public record Verdict(String outcome, @JsonInclude(JsonInclude.Include.NON_NULL) Instant until,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> reason, String rule,
                          String basis) {
    }

    public static ContactRecordDocument from(ContactRecord r) {
        return new ContactRecordDocument(VERSION, r.borrowerId(), r.businessDate(), r.channel(), r.messageId(),
                r.state(), r.dueAt(), r.attempts(), r.rounds(), r.loanIds(), r.jurisdictions(), r.locale(),
                r.timeZone(), r.evaluations().stream().map(ContactRecordDocument::evaluation).toList(), r.sentAt(),
                r.providerMessageId(), r.template(), r.contentSha256(), r.note(), r.version(), r.claimedAt(),
                r.unconfirmedAt());
    }

    /** The record as one compact JSON line. */
    public static String write(ContactRecord r) {
        return DocumentMapper.write(from(r));
    }

    /** Reads a contact record of any version this engine knows. */
    public static ContactRecord read(String json) {
        return DocumentMapper.readVersioned(json, ContactRecordDocument.class, "contact record", UPGRADES)
                .toDomain();
    }

    public ContactRecord toDomain() {
        return new ContactRecord(borrowerId, businessDate, channel, messageId, state, dueAt,
                attempts == null ? 0 : attempts, list(rounds), list(loanIds), list(jurisdictions), locale, timeZone,
                list(evaluations).stream().map(ContactRecordDocument::evaluation).toList(),
                sentAt, providerMessageId, template, contentSha256, note, claimedAt, unconfirmedAt,
                version == null ? 1 : version);
    }

    /** The domain evaluation of a stored one. */
    static ContactEvaluation evaluation(Evaluation e) {
        return new ContactEvaluation(decision(e.decision().outcome(), e.decision().until(), e.decision().decidedBy(),
                e.decision().reason()),
                list(e.verdicts()).stream().map(vd -> new RuleVerdict(vd.rule(), vd.basis(),
                        decision(vd.outcome(), vd.until(), vd.decidedBy(), vd.reason()))).toList(),
                e.rulePack(), e.rulePackVersion(), e.evaluatedAt());
    }

    /** The stored form of one evaluation; escalation call tasks record theirs in the same shape. */
    static Evaluation evaluation(ContactEvaluation e) {
        return new Evaluation(Decision.from(e.decision()), e.rulePack(), e.rulePackVersion(), e.evaluatedAt(),
                e.verdicts().stream().map(vd -> {
                    Decision d = Decision.from(vd.decision());
                    return new Verdict(d.outcome(), d.until(), d.decidedBy(), d.reason(), vd.rule(), vd.basis());
                }).toList());
    }

    private static ContactDecision decision(String outcome, Instant until, String decidedBy,
                                            Optional<String> reason) {
        String why = reason == null ? null : reason.orElse(null);
        return switch (outcome) {
            case "ALLOW" -> ContactDecision.allow();
            case "DEFER" -> new ContactDecision.Defer(until, decidedBy, why);
            case "SUPPRESS" -> new ContactDecision.Suppress(decidedBy, why);
            default -> throw new IllegalStateException("unknown contact outcome " + outcome);
        };
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
