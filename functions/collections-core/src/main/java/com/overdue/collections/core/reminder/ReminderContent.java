package com.overdue.collections.core.reminder;

import com.overdue.collections.core.contact.Channel;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a template may show for one message: the message id (also the opt-out token), channel, locale,
 * jurisdiction, the name to greet the borrower by ({@link GreetingName}, null for a neutral greeting; PII: rendered,
 * never logged or recorded), the business date, the rounds
 * it covers, the digest and the sender profile.
 */
public record ReminderContent(String messageId, Channel channel, String locale, String jurisdiction,
                              String greetingName, LocalDate businessDate, List<String> rounds, ReminderDigest digest,
                              SenderProfile sender) {

    public ReminderContent {
        rounds = List.copyOf(rounds);
    }

    /** The one-click opt-out link for this message's channel. */
    public String unsubscribeUrl() {
        return sender.unsubscribeUrl() + "?m=" + messageId + "&c=" + channel.name();
    }

    @Override
    public String toString() {
        return "ReminderContent[" + messageId + "]";
    }
}
