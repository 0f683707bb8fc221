package com.overdue.collections.core.reminder;

import java.util.Map;

/** The sender profile of each jurisdiction, from {@code config/reminders/senders.json}. */
public final class SenderProfiles {

    public static final String DEFAULT_FILE = "config/reminders/senders.json";

    private final Map<String, SenderProfile> byJurisdiction;

    public SenderProfiles(Map<String, SenderProfile> byJurisdiction) {
        this.byJurisdiction = Map.copyOf(byJurisdiction);
    }

    public SenderProfile forJurisdiction(String jurisdiction) {
        SenderProfile p = byJurisdiction.get(jurisdiction);
        if (p == null) {
            throw new IllegalArgumentException("no sender profile for jurisdiction " + jurisdiction + " in "
                    + DEFAULT_FILE);
        }
        return p;
    }
}
