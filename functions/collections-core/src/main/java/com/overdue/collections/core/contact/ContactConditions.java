package com.overdue.collections.core.contact;

import com.overdue.collections.core.ledger.LoanConditions;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the borrower's loans say about contacting the borrower, merged over the loans a contact is about: channels
 * opted out of, cease communication, channels under complaint review, and which of the loans are disputed. Merging
 * is conservative: an opt-out, a cease request or a complaint on any loan applies to the borrower.
 */
public record ContactConditions(Set<Channel> optOut, boolean ceaseCommunication, Set<Channel> complaintChannels,
                                List<String> loanIds, List<String> disputedLoanIds) {

    public static final ContactConditions NONE = new ContactConditions(Set.of(), false, Set.of(), List.of(), List.of());

    public ContactConditions {
        optOut = optOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optOut));
        complaintChannels = complaintChannels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(complaintChannels));
        loanIds = List.copyOf(loanIds);
        disputedLoanIds = List.copyOf(disputedLoanIds);
    }

    /** Merges the conditions of the loans a contact is about, in the order given. */
    public static ContactConditions of(Map<String, LoanConditions> byLoan) {
        Set<Channel> optOut = EnumSet.noneOf(Channel.class);
        Set<Channel> complaints = EnumSet.noneOf(Channel.class);
        boolean cease = false;
        Map<String, Boolean> disputed = new LinkedHashMap<>();
        for (Map.Entry<String, LoanConditions> e : byLoan.entrySet()) {
            LoanConditions.ContactPreferences prefs = e.getValue().contact();
            prefs.optOut().forEach(name -> Channel.fromContractName(name).ifPresent(optOut::add));
            prefs.complaintChannels().forEach(name -> Channel.fromContractName(name).ifPresent(complaints::add));
            cease |= prefs.ceaseCommunication();
            disputed.put(e.getKey(), e.getValue().hasOpenDispute());
        }
        return new ContactConditions(optOut, cease, complaints, List.copyOf(disputed.keySet()),
                disputed.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
    }

    /** True when the contact is about at least one loan and every one of them is disputed. */
    public boolean everyLoanDisputed() {
        return !loanIds.isEmpty() && disputedLoanIds.containsAll(loanIds);
    }
}
