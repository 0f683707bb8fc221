package com.overdue.collections.core.config;

import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.bureau.BureauSettingsLoader;
import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.escalation.CallLimitRules;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.reminder.CadenceLoader;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.reminder.SenderProfiles;

import java.util.Objects;

/**
 * Every rule the engine reads from configuration files ({@code infra/config}, on the classpath as {@code config/}),
 * loaded and validated once at start-up: the one object the composition root builds the engine from.
 */
public record EngineConfiguration(ProductCatalog products, DelinquencyPolicy delinquency, ContactPolicy contactPolicy,
                                  ReminderCadence cadence, SenderProfiles senders, EscalationLadders ladders,
                                  CallLimitRules callLimits, BureauSettings bureau, BusinessCalendars calendars) {

    public EngineConfiguration {
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(delinquency, "delinquency");
        Objects.requireNonNull(contactPolicy, "contactPolicy");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(ladders, "ladders");
        Objects.requireNonNull(callLimits, "callLimits");
        Objects.requireNonNull(bureau, "bureau");
        Objects.requireNonNull(calendars, "calendars");
    }

    /** The configuration shipped on the classpath ({@code config/**}); a bad file fails here, naming file and key. */
    public static EngineConfiguration fromClasspath() {
        return new EngineConfiguration(ProductCatalog.load(), DelinquencyPolicy.DEFAULT, ContactPolicy.loadDefault(),
                CadenceLoader.loadDefault(), SenderProfiles.loadDefault(), EscalationLadders.load(),
                CallLimitRules.load(), new BureauSettingsLoader().load(BureauSettingsLoader.DEFAULT_ROOT),
                new BusinessCalendars());
    }
}
