package com.overdue.collections.core.config;

import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.delinquency.DelinquencyPolicy;
import com.overdue.collections.core.escalation.EscalationLadders;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.reminder.SenderProfiles;

import java.util.Objects;

/**
 * Every rule the engine reads from configuration files ({@code infra/config}, on the classpath as {@code config/}),
 * loaded and validated once at start-up: the one object the composition root builds the engine from. Each file is
 * checked against the JSON Schema beside it ({@code *.schema.json}) before it is bound and mapped to the domain.
 */
public record EngineConfiguration(ProductCatalog products, DelinquencyPolicy delinquency, ContactPolicy contactPolicy,
                                  ReminderCadence cadence, SenderProfiles senders, EscalationLadders ladders,
                                  BureauSettings bureau, BusinessCalendars calendars) {

    public EngineConfiguration {
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(delinquency, "delinquency");
        Objects.requireNonNull(contactPolicy, "contactPolicy");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(senders, "senders");
        Objects.requireNonNull(ladders, "ladders");
        Objects.requireNonNull(bureau, "bureau");
        Objects.requireNonNull(calendars, "calendars");
    }

    /** The configuration shipped on the classpath ({@code config/**}); a bad file fails here, naming file and key. */
    public static EngineConfiguration fromClasspath() {
        return load(ConfigSource.classpath());
    }

    /** The configuration of {@code source}; a bad file fails here, naming file and key. */
    public static EngineConfiguration load(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        ProductCatalog products = ProductFiles.load(reader);
        CalendarFiles calendarFiles = new CalendarFiles(reader, CalendarFiles.FOLDER);
        BusinessCalendars calendars = new BusinessCalendars(calendarFiles::load);
        // The calendars of the products' jurisdictions are needed on the first day: a bad one stops start-up here.
        products.productCodes().stream().map(products::product).map(Product::jurisdiction).distinct()
                .forEach(calendars::forJurisdiction);
        return new EngineConfiguration(products, DelinquencyPolicy.DEFAULT, RulePackFiles.load(reader),
                ReminderFiles.cadence(reader), ReminderFiles.senders(reader), EscalationFiles.ladders(reader),
                BureauFile.load(reader), calendars);
    }

    /** The products alone, for callers that need no other rule (tests, benchmarks). */
    public static ProductCatalog products(ConfigSource source) {
        return ProductFiles.load(new ConfigReader(source));
    }

    /** The calendars alone, loaded on first use of each jurisdiction. */
    public static BusinessCalendars calendars(ConfigSource source) {
        return new BusinessCalendars(new CalendarFiles(new ConfigReader(source), CalendarFiles.FOLDER)::load);
    }
}
