package com.overdue.collections.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reminder template texts of every locale {@code reminders/templates/index.json} lists, read at start-up; the
 * renderer (Qute, in the Lambda module) parses them.
 */
public record ReminderTemplates(String fallback, Map<String, Map<String, Template>> byLocale) {

    /** Where the templates are, relative to the configuration root. */
    public static final String FOLDER = "reminders/templates";

    /** One template file's text and the name that errors give it. */
    public record Template(String name, String text) {
    }

    record Index(List<String> locales, String fallback) {
    }

    public ReminderTemplates {
        byLocale = Map.copyOf(byLocale);
    }

    /** The templates named {@code files} of each listed locale, e.g. {@code sms.txt}. */
    public static ReminderTemplates load(ConfigSource source, List<String> files) {
        ConfigReader reader = new ConfigReader(source);
        var index = reader.read(FOLDER + "/index.json", FOLDER + "/index.schema.json", Index.class);
        if (!index.value().locales().contains(index.value().fallback())) {
            throw index.error("fallback", index.value().fallback() + " is not one of the locales");
        }
        Map<String, Map<String, Template>> byLocale = new LinkedHashMap<>();
        for (String locale : index.value().locales()) {
            Map<String, Template> templates = new LinkedHashMap<>();
            for (String file : files) {
                String path = FOLDER + "/" + locale + "/" + file;
                templates.put(file, new Template(source.name(path), reader.readText(path)));
            }
            byLocale.put(locale, Map.copyOf(templates));
        }
        return new ReminderTemplates(index.value().fallback(), byLocale);
    }
}
