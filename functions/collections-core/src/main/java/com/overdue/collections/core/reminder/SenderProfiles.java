package com.overdue.collections.core.reminder;

import com.overdue.collections.core.config.ConfigFile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The sender profile of each jurisdiction, from {@code config/reminders/senders.json}. */
public final class SenderProfiles {

    public static final String DEFAULT_FILE = "config/reminders/senders.json";
    private static final Set<String> KEYS = Set.of("brand", "payUrl", "hardshipUrl", "supportPhone", "supportEmail",
            "complaintUrl", "regulatorName", "regulatorContact", "unsubscribeUrl");

    private final Map<String, SenderProfile> byJurisdiction;

    public SenderProfiles(Map<String, SenderProfile> byJurisdiction) {
        this.byJurisdiction = Map.copyOf(byJurisdiction);
    }

    public static SenderProfiles loadDefault() {
        return load(SenderProfiles.class.getClassLoader(), DEFAULT_FILE);
    }

    public static SenderProfiles load(ClassLoader classLoader, String name) {
        ConfigFile.Node root = ConfigFile.read(classLoader, name).root();
        Map<String, SenderProfile> out = new LinkedHashMap<>();
        for (String jurisdiction : root.keys()) {
            if (jurisdiction.equals("description")) {
                continue;
            }
            ConfigFile.Node p = root.object(jurisdiction).onlyKeys(KEYS);
            ConfigFile.Node brand = p.object("brand");
            Map<String, String> brands = new LinkedHashMap<>();
            for (String locale : brand.keys()) {
                brands.put(locale, brand.text(locale));
            }
            if (brands.isEmpty()) {
                throw p.error("brand", "names no locale");
            }
            out.put(jurisdiction, new SenderProfile(jurisdiction, brands, p.text("payUrl"), p.text("hardshipUrl"),
                    p.text("supportPhone"), p.text("supportEmail"), p.text("complaintUrl"), p.text("regulatorName"),
                    p.text("regulatorContact"), p.text("unsubscribeUrl")));
        }
        return new SenderProfiles(out);
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
