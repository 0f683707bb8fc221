package com.overdue.collections.core.port;

import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.RenderedMessage;

/** Delivers a rendered reminder on its channel (SES e-mail, SNS SMS, in-app inbox; files when run locally). */
public interface ReminderSender {

    /**
     * Sends the message to the borrower's address for the content's channel.
     *
     * @return the provider's message id
     * @throws DeliveryException when the provider refuses it
     */
    String send(Borrower borrower, ReminderContent content, RenderedMessage message);

    /** The provider refused a message (bad address, throttled, service error). */
    class DeliveryException extends RuntimeException {
        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
