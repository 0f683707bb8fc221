package com.overdue.collections.lambda.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.EscalationState;
import com.overdue.collections.core.ledger.SettlementOffer;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.lambda.json.DocumentMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The {@code body} of {@code LOAN#<id> / ESCALATION}. The stage and the lock version are attributes of the item
 * (the console and the condition expression read them), so they are not in the body. Maps and sets are written
 * sorted so that equal states write equal bodies; {@code deferred} is left out when there is none.
 *
 * <p>Versions: 1 had no {@code "v"}; 2 adds it and is otherwise the same; 3 adds {@code offers}, the settlement
 * offers made (terms as offered, outcome), left out when there is none, so a state without offers writes as in 2.
 */
@RegisterForReflection
public record EscalationStateDocument(int v, String strategy, LocalDate episodeStartedOn,
                                      Map<String, LocalDate> stagesEntered, List<String> recallActions,
                                      List<String> brokenPromisesActedOn, List<String> heldBy,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Deferred deferred,
                                      List<Instant> callTasksIssued, LocalDate lastDecisionOn,
                                      String lastDecisionId,
                                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Offer> offers) {

    /** The current format version. */
    public static final int VERSION = 3;

    /** 1 to 2 adds {@code "v"}; 2 to 3 adds {@code offers}, absent (none) in what 2 wrote. */
    private static final List<UnaryOperator<ObjectNode>> UPGRADES = List.of(UnaryOperator.identity(),
            UnaryOperator.identity());

    /**
     * A settlement offer made: rule, offer date, deadline (inclusive), the balance and the waiver per component as
     * offered (plain decimals in the currency's scale, components sorted), the outcome and the date it was recorded.
     */
    public record Offer(String rule, LocalDate madeOn, LocalDate deadline, String currency, String balance,
                        Map<String, String> waived, String outcome,
                        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate resolvedOn) {

        static Offer from(EscalationState.Offer o) {
            SettlementOffer.Terms t = o.terms();
            Map<String, String> waived = new TreeMap<>();
            t.waivedBy().forEach((c, m) -> waived.put(c.name(), m.amount().toPlainString()));
            return new Offer(t.rule(), t.madeOn(), t.deadline(), t.balance().currency().getCurrencyCode(),
                    t.balance().amount().toPlainString(), waived, o.outcome().name(), o.resolvedOn());
        }

        EscalationState.Offer toDomain() {
            Currency ccy = Currency.getInstance(currency);
            Map<Component, Money> by = new EnumMap<>(Component.class);
            (waived == null ? Map.<String, String>of() : waived).forEach((c, a) ->
                    by.put(Component.valueOf(c), new Money(new BigDecimal(a), ccy)));
            return new EscalationState.Offer(new SettlementOffer.Terms(rule, madeOn, deadline,
                    new Money(new BigDecimal(balance), ccy), by), EscalationState.OfferOutcome.valueOf(outcome),
                    resolvedOn);
        }
    }

    /** A call task waiting for the contact rule pack to allow it. */
    public record Deferred(String actionId, String action, String decisionId, Instant until, String stage) {
    }

    public static EscalationStateDocument from(EscalationState s) {
        EscalationState.DeferredAction d = s.deferred();
        return new EscalationStateDocument(VERSION, s.strategy(), s.episodeStartedOn(),
                new TreeMap<>(s.stagesEntered()), List.copyOf(new TreeSet<>(s.recallActions())),
                List.copyOf(new TreeSet<>(s.brokenPromisesActedOn())), s.heldBy(),
                d == null ? null : new Deferred(d.actionId(), d.action(), d.decisionId(), d.until(), d.stage()),
                s.callTasksIssued(), s.lastDecisionOn(), s.lastDecisionId(),
                s.offers().stream().map(Offer::from).toList());
    }

    public static String write(EscalationState s) {
        return DocumentMapper.write(from(s));
    }

    /** Reads a body of any version this engine knows, with the item's own loan id, stage and lock version. */
    public static EscalationState read(String json, String loanId, String stage, long version) {
        return DocumentMapper.readVersioned(json, EscalationStateDocument.class, "escalation state", UPGRADES)
                .toDomain(loanId, stage, version);
    }

    public EscalationState toDomain(String loanId, String stage, long version) {
        return new EscalationState(loanId, stage, strategy, episodeStartedOn,
                stagesEntered == null ? Map.of() : stagesEntered, java.util.Set.copyOf(list(recallActions)),
                java.util.Set.copyOf(list(brokenPromisesActedOn)), list(heldBy),
                deferred == null ? null : new EscalationState.DeferredAction(deferred.actionId(), deferred.action(),
                        deferred.decisionId(), deferred.until(), deferred.stage()),
                list(callTasksIssued), lastDecisionOn, lastDecisionId,
                list(offers).stream().map(Offer::toDomain).toList(), version);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
