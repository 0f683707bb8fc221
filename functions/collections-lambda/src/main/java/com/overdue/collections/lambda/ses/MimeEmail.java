package com.overdue.collections.lambda.ses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A reminder e-mail as RFC 5322 / MIME bytes: multipart/alternative with a text/plain and a text/html part (UTF-8,
 * base64), an RFC 2047 encoded subject, and {@code List-Unsubscribe} (mailto and https) with
 * {@code List-Unsubscribe-Post} for one-click opt-out (RFC 8058). SES sends these bytes as they are; the local runner
 * writes them as {@code .eml} files.
 */
public record MimeEmail(String from, String to, String subject, String text, String html, String messageId,
                        String unsubscribeUrl, String unsubscribeMailto, Instant date) {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public byte[] toBytes() {
        String boundary = "=_alt_" + messageId;
        StringBuilder m = new StringBuilder();
        header(m, "From", from);
        header(m, "To", to);
        m.append("Subject: ").append(encodedWord(subject.replace("\r", "").replace("\n", " "))).append("\r\n");
        header(m, "Date", RFC_1123.format(date));
        header(m, "Message-ID", "<" + messageId + "@reminders.collections>");
        header(m, "MIME-Version", "1.0");
        header(m, "List-Unsubscribe", "<" + unsubscribeMailto + ">, <" + unsubscribeUrl + ">");
        header(m, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        header(m, "X-Reminder-Message-Id", messageId);
        header(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        m.append("\r\n");
        part(m, boundary, "text/plain; charset=UTF-8", text);
        part(m, boundary, "text/html; charset=UTF-8", html);
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder m, String name, String value) {
        m.append(name).append(": ").append(value.replace("\r", "").replace("\n", " ")).append("\r\n");
    }

    private static void part(StringBuilder m, String boundary, String contentType, String body) {
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: ").append(contentType).append("\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(body.getBytes(StandardCharsets.UTF_8));
        m.append(encoded).append("\r\n");
    }

    /** RFC 2047 B-encoding, split so that each encoded word stays within 75 characters. */
    static String encodedWord(String s) {
        if (s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if ((chunk + next).getBytes(StandardCharsets.UTF_8).length > 45) {
                out.append(out.length() == 0 ? "" : "\r\n ").append(word(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.append(next);
            i += Character.charCount(cp);
        }
        out.append(out.length() == 0 ? "" : "\r\n ").append(word(chunk.toString()));
        return out.toString();
    }

    private static String word(String s) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
