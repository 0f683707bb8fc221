package com.overdue.collections.core.application;

import com.overdue.collections.core.port.Inbox;

import java.util.List;

/** What the app back end may do with a borrower's in-app inbox: list the messages and mark some read. */
public final class InboxUseCase {

    /** The inbox after the request: its messages and the unread count. */
    public record View(String borrowerId, List<Inbox.InboxMessage> messages, int unread, int markedRead) {
    }

    public static final int MAX_LIST = 100;

    private final Inbox inbox;

    public InboxUseCase(Inbox inbox) {
        this.inbox = inbox;
    }

    public View handle(String borrowerId, List<String> markRead, int limit) {
        if (borrowerId == null || borrowerId.isBlank()) {
            throw new IllegalArgumentException("borrowerId is required");
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + " but was " + limit);
        }
        int marked = markRead == null || markRead.isEmpty() ? 0 : inbox.markRead(borrowerId, markRead);
        List<Inbox.InboxMessage> messages = inbox.list(borrowerId, limit);
        int unread = (int) messages.stream().filter(m -> !m.read()).count();
        return new View(borrowerId, messages, unread, marked);
    }
}
