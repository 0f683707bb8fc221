package com.overdue.collections.local;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Qute engine of the local runner's HTML outputs (report.html, compare.html), standalone (no Quarkus runtime):
 * templates are class-path resources under {@code templates/}, data are maps and lists, every value is HTML-escaped
 * except {@link io.quarkus.qute.RawString}s (the inline SVG charts).
 */
final class Templates {

    private static final Engine ENGINE = Engine.builder().addDefaults()
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();

    private Templates() {
    }

    static String render(String name, Map<String, Object> data) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no template templates/" + name + " on the class path");
            }
            Template t = ENGINE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Variant.forContentType(Variant.TEXT_HTML), name);
            return t.data(data).render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
