package com.overdue.collections.lambda.reminder;

import com.overdue.collections.core.config.ConfigSource;
import com.overdue.collections.core.config.ReminderTemplates;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.port.ReminderRenderer;
import com.overdue.collections.core.reminder.ReminderCadence;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.ReminderDigest;
import com.overdue.collections.core.reminder.RenderedMessage;
import com.overdue.collections.core.reminder.SenderProfile;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders reminders with the standalone Qute engine from {@code config/reminders/templates/<locale>/}: SMS text,
 * e-mail subject, text and HTML (HTML-escaped), in-app title and body. The template data are maps and lists only,
 * so nothing is resolved by reflection (native image). All templates are parsed at start-up: a broken one stops
 * start-up with its file name.
 */
public final class QuteReminderRenderer implements ReminderRenderer {

    private static final List<String> MESSAGE_FILES = List.of("sms.txt", "email-subject.txt", "email.txt",
            "email.html", "inapp-title.txt", "inapp.txt");
    /** The courtesy reminder's own texts (before the due date: nothing is overdue), {@code courtesy-<file>}. */
    private static final String COURTESY_PREFIX = "courtesy-";
    private static final List<String> FILES = java.util.stream.Stream.concat(MESSAGE_FILES.stream(),
            MESSAGE_FILES.stream().map(f -> COURTESY_PREFIX + f)).toList();

    private final Map<String, Map<String, Template>> byLocale = new HashMap<>();
    private final Map<String, String> digestByLocale = new HashMap<>();
    private final String fallback;

    public QuteReminderRenderer() {
        this(QuteReminderRenderer.class.getClassLoader());
    }

    public QuteReminderRenderer(ClassLoader classLoader) {
        Engine engine = Engine.builder().addDefaults().removeStandaloneLines(true)
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        ReminderTemplates files = ReminderTemplates.load(ConfigSource.classpath(classLoader), FILES);
        for (Map.Entry<String, Map<String, ReminderTemplates.Template>> locale : files.byLocale().entrySet()) {
            Map<String, Template> templates = new HashMap<>();
            StringBuilder all = new StringBuilder();
            for (String file : FILES) {
                ReminderTemplates.Template template = locale.getValue().get(file);
                all.append(template.text());
                try {
                    templates.put(file, engine.parse(template.text(), Variant.forContentType(
                            file.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN), template.name()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(template.name() + ": not a valid template: " + e.getMessage(), e);
                }
            }
            byLocale.put(locale.getKey(), templates);
            digestByLocale.put(locale.getKey(), sha256(all.toString()).substring(0, 12));
        }
        fallback = files.fallback();
    }

    /** The locale whose templates serve {@code requested}: exact, else the same language, else the fallback. */
    public String localeFor(String requested) {
        if (requested != null) {
            String normalized = requested.replace('_', '-');
            if (byLocale.containsKey(normalized)) {
                return normalized;
            }
            String language = normalized.split("-")[0];
            for (String l : byLocale.keySet()) {
                if (l.startsWith(language + "-")) {
                    return l;
                }
            }
        }
        return fallback;
    }

    @Override
    public RenderedMessage render(ReminderContent c) {
        String locale = localeFor(c.locale());
        Map<String, Template> t = byLocale.get(locale);
        Map<String, Object> data = data(c, locale);
        // A message with only the courtesy round is about an installment not yet due: its own texts.
        String prefix = !c.rounds().isEmpty() && c.rounds().stream().allMatch(ReminderCadence.COURTESY::equals)
                ? COURTESY_PREFIX : "";
        String subject = null;
        String html = null;
        String text;
        switch (c.channel()) {
            case SMS -> text = render(t.get(prefix + "sms.txt"), data).strip();
            case EMAIL -> {
                subject = render(t.get(prefix + "email-subject.txt"), data).strip();
                text = render(t.get(prefix + "email.txt"), data);
                html = render(t.get(prefix + "email.html"), data);
            }
            case IN_APP -> {
                subject = render(t.get(prefix + "inapp-title.txt"), data).strip();
                text = render(t.get(prefix + "inapp.txt"), data).strip();
            }
            default -> throw new IllegalArgumentException("no reminder template for channel " + c.channel());
        }
        String template = locale + "/" + prefix + c.channel().name().toLowerCase(Locale.ROOT) + "@" + digestByLocale.get(locale);
        String sha = sha256((subject == null ? "" : subject) + "\n" + text + "\n" + (html == null ? "" : html));
        return new RenderedMessage(subject, text, html, template, sha);
    }

    private static String render(Template template, Map<String, Object> data) {
        return template.data(data).render();
    }

    private static Map<String, Object> data(ReminderContent c, String locale) {
        SenderProfile s = c.sender();
        Map<String, Object> d = new HashMap<>();
        d.put("brand", s.brand(locale));
        // Only the e-mail greets by name; SMS and in-app never carry a name. No name: the neutral form.
        d.put("greetingName", c.channel() == Channel.EMAIL && c.greetingName() != null ? c.greetingName()
                : (locale.startsWith("zh") ? "客户" : "customer"));
        d.put("messageId", c.messageId());
        d.put("businessDate", c.businessDate().toString());
        d.put("payUrl", s.payUrl());
        d.put("hardshipUrl", s.hardshipUrl());
        d.put("supportPhone", s.supportPhone());
        d.put("supportEmail", s.supportEmail());
        d.put("complaintUrl", s.complaintUrl());
        d.put("regulatorName", s.regulatorName());
        d.put("regulatorContact", s.regulatorContact());
        d.put("unsubscribeUrl", c.unsubscribeUrl());
        ReminderDigest digest = c.digest();
        List<Map<String, Object>> loans = digest.loans().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loanId", l.loanId());
            m.put("amountDue", money(l.amountDue()));
            m.put("penalty", money(l.penaltyDue()));
            m.put("dueDate", l.oldestDueDate() == null ? "" : l.oldestDueDate().toString());
            m.put("dpd", l.daysPastDue());
            return m;
        }).toList();
        d.put("loans", loans);
        // Open settlement offers: the amount that settles the loan under the offer and the last day, nothing else.
        d.put("offers", digest.offers().stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loanId", o.loanId());
            m.put("amount", money(o.amountToSettle()));
            m.put("lastDay", o.lastDay().toString());
            return m;
        }).toList());
        d.put("withheld", digest.withheldLoanIds().size());
        d.put("total", digest.totals().stream().map(QuteReminderRenderer::money).collect(Collectors.joining(" + ")));
        return d;
    }

    /** {@code CNY 1,234.56}: ISO code (unambiguous in both languages), grouping, the currency's own scale. */
    public static String money(Money m) {
        int digits = m.currency().getDefaultFractionDigits();
        DecimalFormat f = new DecimalFormat(digits > 0 ? "#,##0." + "0".repeat(digits) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        BigDecimal amount = m.amount();
        return m.currency().getCurrencyCode() + " " + f.format(amount);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
