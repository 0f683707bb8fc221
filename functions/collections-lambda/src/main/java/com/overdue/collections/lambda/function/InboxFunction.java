package com.overdue.collections.lambda.function;

import com.overdue.collections.core.application.InboxUseCase;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.util.ArrayList;
import java.util.List;

/** {@code reminderInbox}: the app back end lists a borrower's in-app reminders and marks some of them read. */
public class InboxFunction {

    private static final String FUNCTION = "reminderInbox";

    /** {@code {"borrowerId": "B-1", "markRead": ["M…"], "limit": 20}}. */
    @RegisterForReflection
    public static class InboxRequest {
        private String borrowerId;
        private List<String> markRead = new ArrayList<>();
        private Integer limit;

        public String getBorrowerId() { return borrowerId; }
        public void setBorrowerId(String borrowerId) { this.borrowerId = borrowerId; }
        public List<String> getMarkRead() { return markRead; }
        public void setMarkRead(List<String> markRead) { this.markRead = markRead; }
        public Integer getLimit() { return limit; }
        public void setLimit(Integer limit) { this.limit = limit; }
    }

    /** One message as the app shows it. */
    @RegisterForReflection
    public static class InboxEntry {
        public String messageId;
        public String deliveredAt;
        public String title;
        public String body;
        public boolean read;
    }

    /** The inbox after the request. */
    @RegisterForReflection
    public static class InboxResponse {
        public String borrowerId;
        public int unread;
        public int markedRead;
        public List<InboxEntry> messages = new ArrayList<>();
    }

    @Inject
    InboxUseCase inbox;

    @Funq(FUNCTION)
    public InboxResponse reminderInbox(InboxRequest request) {
        MDC.put("function", FUNCTION);
        try {
            if (request == null || request.getBorrowerId() == null || request.getBorrowerId().isBlank()) {
                throw new IllegalArgumentException("reminderInbox: field borrowerId is required");
            }
            MDC.put("borrowerId", request.getBorrowerId());
            InboxUseCase.View view = inbox.handle(request.getBorrowerId(), request.getMarkRead(),
                    request.getLimit() == null ? 20 : request.getLimit());
            InboxResponse out = new InboxResponse();
            out.borrowerId = view.borrowerId();
            out.unread = view.unread();
            out.markedRead = view.markedRead();
            view.messages().forEach(m -> {
                InboxEntry e = new InboxEntry();
                e.messageId = m.messageId();
                e.deliveredAt = m.deliveredAt().toString();
                e.title = m.title();
                e.body = m.body();
                e.read = m.read();
                out.messages.add(e);
            });
            return out;
        } finally {
            MDC.clear();
        }
    }
}
