package com.overdue.collections.core.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every jurisdiction's rule pack, loaded and validated once at start-up; a loan's jurisdiction picks its pack. */
public final class RulePacks {

    private final Map<String, RulePack> byJurisdiction;

    public RulePacks(List<RulePack> packs) {
        Map<String, RulePack> map = new LinkedHashMap<>();
        for (RulePack p : packs) {
            if (map.put(p.jurisdiction(), p) != null) {
                throw new IllegalArgumentException("two rule packs for " + p.jurisdiction());
            }
        }
        this.byJurisdiction = Map.copyOf(map);
    }

    /**
     * The pack for a jurisdiction. A loan in a jurisdiction without a pack is an error, never "no rules": a contact
     * that no rule checked is exactly what must not happen.
     */
    public RulePack forJurisdiction(String jurisdiction) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        RulePack pack = byJurisdiction.get(jurisdiction);
        if (pack == null) {
            throw new IllegalArgumentException("no contact rule pack for jurisdiction " + jurisdiction
                    + " (config/contact/index.json lists " + byJurisdiction.keySet() + ")");
        }
        return pack;
    }

    /** The packs of several jurisdictions combined (every rule of each applies), in the order given. */
    public RulePack forJurisdictions(List<String> jurisdictions) {
        return RulePack.combined(jurisdictions.stream().distinct().map(this::forJurisdiction).toList());
    }
}
