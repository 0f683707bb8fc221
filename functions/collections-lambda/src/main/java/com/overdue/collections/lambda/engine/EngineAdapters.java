package com.overdue.collections.lambda.engine;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.ContactJournal;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.ses.MimeEmail;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The engine's outward effects that differ between AWS ({@link AwsAdapters}) and the local runner (files).
 * {@link CollectionsEngine} asks for each one once, when the first use case that needs it is built, so a Lambda
 * function is never refused for a setting only another function needs (the report bucket, say).
 */
public interface EngineAdapters {

    /** Where the daily scan sends work items (the work topic; a file locally). */
    WorkDispatcher workDispatcher();

    /** Where collection actions go (the actions topic; {@code actions.jsonl} locally). */
    ActionPublisher actionPublisher();

    /** Where the credit-bureau files go (S3; {@code credit/} locally). */
    ReportStore reportStore();

    /** Sends a reminder e-mail and returns the provider's message id (SES; an .eml file locally). */
    Function<MimeEmail, String> emailSender();

    /** Sends an SMS (phone, text) and returns the provider's message id (SNS; {@code sms.jsonl} locally). */
    BiFunction<String, String, String> smsSender();

    /** The in-app inbox reminders are delivered to, given the table's ({@code inapp.jsonl} keeps a copy locally). */
    Inbox inbox(Inbox table);

    /** Told of every stored contact decision ({@code contacts.jsonl} locally). */
    ContactJournal contactJournal();

    /** Adapters given one by one; for runners that wire a few of them (benchmarks) or wire files (the simulation). */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Collects given adapters. One left out fails, naming it, only when a use case that needs it is built; the inbox
     * defaults to the table's and the journal to {@link ContactJournal#NONE}, as in AWS.
     */
    final class Builder {
        private WorkDispatcher work;
        private ActionPublisher actions;
        private ReportStore reports;
        private Function<MimeEmail, String> email;
        private BiFunction<String, String, String> sms;
        private UnaryOperator<Inbox> inbox = UnaryOperator.identity();
        private ContactJournal journal = ContactJournal.NONE;

        private Builder() {
        }

        public Builder workDispatcher(WorkDispatcher dispatcher) {
            this.work = Objects.requireNonNull(dispatcher);
            return this;
        }

        public Builder actionPublisher(ActionPublisher publisher) {
            this.actions = Objects.requireNonNull(publisher);
            return this;
        }

        public Builder reportStore(ReportStore store) {
            this.reports = Objects.requireNonNull(store);
            return this;
        }

        public Builder emailSender(Function<MimeEmail, String> sender) {
            this.email = Objects.requireNonNull(sender);
            return this;
        }

        public Builder smsSender(BiFunction<String, String, String> sender) {
            this.sms = Objects.requireNonNull(sender);
            return this;
        }

        /** Wraps the table's inbox (the local runner tees every delivered message to a file). */
        public Builder inbox(UnaryOperator<Inbox> wrapper) {
            this.inbox = Objects.requireNonNull(wrapper);
            return this;
        }

        public Builder contactJournal(ContactJournal contactJournal) {
            this.journal = Objects.requireNonNull(contactJournal);
            return this;
        }

        public EngineAdapters build() {
            WorkDispatcher w = work;
            ActionPublisher a = actions;
            ReportStore r = reports;
            Function<MimeEmail, String> e = email;
            BiFunction<String, String, String> s = sms;
            UnaryOperator<Inbox> i = inbox;
            ContactJournal j = journal;
            return new EngineAdapters() {
                @Override
                public WorkDispatcher workDispatcher() {
                    return given(w, "work dispatcher");
                }

                @Override
                public ActionPublisher actionPublisher() {
                    return given(a, "action publisher");
                }

                @Override
                public ReportStore reportStore() {
                    return given(r, "report store");
                }

                @Override
                public Function<MimeEmail, String> emailSender() {
                    return given(e, "e-mail sender");
                }

                @Override
                public BiFunction<String, String, String> smsSender() {
                    return given(s, "SMS sender");
                }

                @Override
                public Inbox inbox(Inbox table) {
                    return i.apply(table);
                }

                @Override
                public ContactJournal contactJournal() {
                    return j;
                }
            };
        }

        private static <T> T given(T adapter, String name) {
            if (adapter == null) {
                throw new IllegalStateException("this engine was built without a " + name
                        + ": give it to EngineAdapters.builder()");
            }
            return adapter;
        }
    }
}
