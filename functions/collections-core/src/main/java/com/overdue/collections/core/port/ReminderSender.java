package com.overdue.collections.core.port;

import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.RenderedMessage;

/** Delivers a rendered reminder on its channel (SES e-mail, SNS SMS, in-app inbox; files when run locally). */
public interface ReminderSender {

    /**
     * Sends the message to the borrower's address for the content's channel. Delivery is at least once: a sender that
     * died mid-send is followed by a second send of the same {@code content.messageId()} (the dedupe key: e-mail
     * {@code Message-ID}, in-app message id).
     *
     * @param at the time of the first attempt whose outcome is unknown, else now: the in-app message is stored
     *           under it, so a repeated send finds the first one and stores nothing
     * @return the provider's message id
     * @throws DeliveryException when the provider refuses it
     */
    String send(Borrower borrower, ReminderContent content, RenderedMessage message, java.time.Instant at);

    /** The provider refused a message (bad address, throttled, service error). */
    class DeliveryException extends RuntimeException {
        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
