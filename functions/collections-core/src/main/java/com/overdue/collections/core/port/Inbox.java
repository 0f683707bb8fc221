package com.overdue.collections.core.port;

import java.time.Instant;
import java.util.List;

/** The borrower's in-app inbox ({@code INBOX#…} items under the borrower). */
public interface Inbox {

    /** One in-app message as the app shows it. */
    record InboxMessage(String borrowerId, String messageId, Instant deliveredAt, String title, String body,
                        boolean read) {
        @Override
        public String toString() {
            return "InboxMessage[" + borrowerId + " " + messageId + "]";
        }
    }

    /** Stores the message; a second delivery of the same message id is a no-op. */
    void deliver(InboxMessage message);

    /** The newest {@code limit} messages, newest first. */
    List<InboxMessage> list(String borrowerId, int limit);

    /** Marks the messages read; returns how many were unread before. */
    int markRead(String borrowerId, List<String> messageIds);
}
