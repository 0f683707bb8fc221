package com.overdue.collections.core.reminder;

import java.util.Map;
import java.util.Objects;

/**
 * Who the reminders of one jurisdiction come from and where they send the borrower: the brand (per locale), how to
 * pay, how to ask for hardship help, the complaint channels (ours and the regulator's) and the opt-out address.
 * Data, not template text, so that the same template serves every jurisdiction of its locale.
 */
public record SenderProfile(String jurisdiction, Map<String, String> brandByLocale, String payUrl, String hardshipUrl,
                            String supportPhone, String supportEmail, String complaintUrl, String regulatorName,
                            String regulatorContact, String unsubscribeUrl) {

    public SenderProfile {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        brandByLocale = Map.copyOf(brandByLocale);
    }

    /** The brand in the locale, else in the first language match, else any. */
    public String brand(String locale) {
        String exact = brandByLocale.get(locale);
        if (exact != null) {
            return exact;
        }
        String language = locale.split("-")[0];
        return brandByLocale.entrySet().stream().filter(e -> e.getKey().startsWith(language + "-")).map(
                Map.Entry::getValue).findFirst().orElse(brandByLocale.values().iterator().next());
    }
}
