package com.overdue.collections.lambda.reminder;

import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.ReminderSender;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.RenderedMessage;
import com.overdue.collections.lambda.ses.MimeEmail;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Routes a reminder to its channel: e-mail as MIME (SES, or a file locally), SMS (SNS, or a file), in-app into the
 * inbox. The e-mail and SMS transports are functions so the local runner plugs in file writers with the same MIME.
 */
public final class ReminderChannels implements ReminderSender {

    private final Function<MimeEmail, String> email;
    private final BiFunction<String, String, String> sms;
    private final Inbox inbox;
    private final String fromAddress;
    private final String unsubscribeMailto;
    private final Clock clock;

    public ReminderChannels(Function<MimeEmail, String> email, BiFunction<String, String, String> sms, Inbox inbox,
                            String fromAddress, String unsubscribeMailto, Clock clock) {
        this.email = Objects.requireNonNull(email);
        this.sms = Objects.requireNonNull(sms);
        this.inbox = Objects.requireNonNull(inbox);
        this.fromAddress = fromAddress;
        this.unsubscribeMailto = unsubscribeMailto;
        this.clock = clock;
    }

    @Override
    public String send(Borrower borrower, ReminderContent content, RenderedMessage message, java.time.Instant at) {
        return switch (content.channel()) {
            case EMAIL -> email.apply(new MimeEmail(fromAddress, borrower.email(), message.subject(), message.text(),
                    message.html(), content.messageId(), content.unsubscribeUrl(),
                    unsubscribeMailto + "?subject=unsubscribe%20" + content.messageId(), clock.instant()));
            case SMS -> sms.apply(borrower.phone(), message.text());
            case IN_APP -> {
                inbox.deliver(new Inbox.InboxMessage(borrower.borrowerId(), content.messageId(), at,
                        message.subject(), message.text(), false));
                yield "inbox:" + content.messageId();
            }
            case CALL -> throw new IllegalArgumentException("a reminder is never a call");
        };
    }
}
