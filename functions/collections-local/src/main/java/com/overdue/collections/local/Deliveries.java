package com.overdue.collections.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every outward effect the local runner delivered, by kind ({@code action}, {@code email}, {@code sms},
 * {@code inapp}, {@code metro2}) and stable id, with how many times: the crash drill compares these with a clean
 * run's (an id of the clean run missing here is an effect lost; an id delivered more than once is a duplicate).
 * Ids only: an SMS has no id of its own yet, so it is known by a SHA-256 of its recipient and text, never shown.
 */
final class Deliveries {

    private final Map<String, Map<String, Integer>> byKind = new TreeMap<>();

    synchronized void delivered(String kind, String id) {
        byKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(id, 1, Integer::sum);
    }

    /** Marks {@code id} delivered (once) if it was not counted yet: an effect found in place after the run. */
    synchronized void seen(String kind, String id) {
        byKind.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(id, 1);
    }

    /** The ids delivered at least once, as {@code kind:id}. */
    synchronized Set<String> ids() {
        Set<String> out = new TreeSet<>();
        byKind.forEach((kind, ids) -> ids.keySet().forEach(id -> out.add(kind + ":" + id)));
        return out;
    }

    /** Deliveries beyond the first, per kind. */
    synchronized Map<String, Long> duplicatesByKind() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((kind, ids) -> out.put(kind, ids.values().stream().mapToLong(n -> n - 1L).sum()));
        return out;
    }

    /** Ids delivered more than once, as {@code kind:id}. */
    synchronized Set<String> duplicated() {
        Set<String> out = new TreeSet<>();
        byKind.forEach((kind, ids) -> ids.forEach((id, n) -> {
            if (n > 1) {
                out.add(kind + ":" + id);
            }
        }));
        return out;
    }

    synchronized Map<String, Integer> countsByKind() {
        Map<String, Integer> out = new TreeMap<>();
        byKind.forEach((kind, ids) -> out.put(kind, ids.size()));
        return out;
    }
}
