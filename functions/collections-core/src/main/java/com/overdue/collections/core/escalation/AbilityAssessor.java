package com.overdue.collections.core.escalation;

import com.overdue.collections.core.ledger.LoanConditions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Classifies the borrower for the episode (RULES §6): the latest conversation decides when it was telling (CANNOT_PAY:
 * willing but unable; REFUSED_TO_PAY: able but unwilling); otherwise a hardship request in the episode means willing
 * but unable, two or more broken promises able but unwilling, and {@code n} failed attempts in a row unreachable.
 */
public final class AbilityAssessor {

    /** The assessment and the sentence that explains it. */
    public record Assessment(Ability ability, String reason) {
    }

    public Assessment assess(List<ContactOutcome> outcomes, LoanConditions conditions, LocalDate episodeStart,
                             Instant episodeStartInstant, int unreachableAfter) {
        List<ContactOutcome> episode = outcomes.stream()
                .filter(o -> episodeStartInstant == null || !o.at().isBefore(episodeStartInstant)).toList();
        for (int i = episode.size() - 1; i >= 0; i--) {
            ContactOutcome o = episode.get(i);
            if (o.connected()) {
                if ("CANNOT_PAY".equals(o.outcome())) {
                    return new Assessment(Ability.WILLING_BUT_UNABLE, "the borrower said they cannot pay ("
                            + o.channel() + " " + o.at() + ")");
                }
                if ("REFUSED_TO_PAY".equals(o.outcome())) {
                    return new Assessment(Ability.ABLE_BUT_UNWILLING, "the borrower refused to pay (" + o.channel()
                            + " " + o.at() + ")");
                }
                break;
            }
        }
        boolean hardship = conditions.hardships().stream()
                .anyMatch(h -> episodeStart == null || !h.requestedOn().isBefore(episodeStart));
        if (hardship) {
            return new Assessment(Ability.WILLING_BUT_UNABLE, "the borrower asked for hardship help");
        }
        long broken = conditions.promises().stream().filter(p -> p.status() == LoanConditions.PromiseStatus.BROKEN)
                .filter(p -> episodeStart == null || !p.madeOn().isBefore(episodeStart)).count();
        if (broken >= 2) {
            return new Assessment(Ability.ABLE_BUT_UNWILLING, broken + " promises to pay broken");
        }
        if (episode.size() >= unreachableAfter && episode.subList(episode.size() - unreachableAfter, episode.size())
                .stream().allMatch(ContactOutcome::failed)) {
            return new Assessment(Ability.UNREACHABLE, "the last " + unreachableAfter
                    + " contact attempts did not reach the borrower");
        }
        return new Assessment(Ability.UNKNOWN, "no telling contact outcome yet");
    }
}
