package com.overdue.collections.core.application;

import com.overdue.collections.core.penalty.PostedPenalty;
import com.overdue.collections.core.port.PenaltyLedger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The penalty ledger in memory, ordered as DynamoDB orders the sort key: by the key string ({@code DPI#...}),
 * byte by byte. Each key is written once.
 */
final class InMemoryPenaltyLedger implements PenaltyLedger {

    private final Map<String, TreeMap<String, PostedPenalty>> byLoan = new HashMap<>();
    private int writes;

    @Override
    public synchronized Optional<PostedPenalty> latest(String loanId) {
        TreeMap<String, PostedPenalty> postings = byLoan.get(loanId);
        return postings == null || postings.isEmpty() ? Optional.empty() : Optional.of(postings.lastEntry().getValue());
    }

    @Override
    public synchronized List<PostedPenalty> all(String loanId) {
        return new ArrayList<>(byLoan.getOrDefault(loanId, new TreeMap<>()).values());
    }

    @Override
    public synchronized boolean post(PostedPenalty posting) {
        TreeMap<String, PostedPenalty> postings = byLoan.computeIfAbsent(posting.loanId(), id -> new TreeMap<>());
        if (postings.containsKey(posting.key())) {
            return false;
        }
        postings.put(posting.key(), posting);
        writes++;
        return true;
    }

    synchronized int writes() {
        return writes;
    }
}
