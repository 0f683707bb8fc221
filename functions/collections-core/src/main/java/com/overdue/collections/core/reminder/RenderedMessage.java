package com.overdue.collections.core.reminder;

/**
 * A message as rendered from its templates: subject (e-mail subject, in-app title; null for SMS), plain text, HTML
 * (e-mail only), the template set it came from, and a digest of the content that the contact record keeps.
 */
public record RenderedMessage(String subject, String text, String html, String template, String contentSha256) {

    @Override
    public String toString() {
        return "RenderedMessage[" + template + " " + contentSha256 + "]";
    }
}
