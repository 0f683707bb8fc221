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
import java.util.function.Supplier;

/**
 * The engine's outward effects in AWS: SNS topics, SES, SNS SMS and the S3 reports bucket, each resolved when the
 * engine first asks for it. A function's artifact carries only the AWS clients it uses (docs/deploy.md), so each part
 * comes from a supplier that either builds it on that artifact's client or fails, naming what is missing; a topic or
 * bucket that is not set likewise fails the function that needs it and no other.
 */
public final class AwsAdapters implements EngineAdapters {

    private final Supplier<WorkDispatcher> work;
    private final Supplier<ActionPublisher> actions;
    private final Supplier<ReportStore> reports;
    private final Supplier<Function<MimeEmail, String>> email;
    private final Supplier<BiFunction<String, String, String>> sms;

    private AwsAdapters(Supplier<WorkDispatcher> work, Supplier<ActionPublisher> actions,
                        Supplier<ReportStore> reports, Supplier<Function<MimeEmail, String>> email,
                        Supplier<BiFunction<String, String, String>> sms) {
        this.work = Objects.requireNonNull(work);
        this.actions = Objects.requireNonNull(actions);
        this.reports = Objects.requireNonNull(reports);
        this.email = Objects.requireNonNull(email);
        this.sms = Objects.requireNonNull(sms);
    }

    /** The AWS adapters from these suppliers; none is called before the engine needs its part. */
    public static AwsAdapters create(Supplier<WorkDispatcher> work, Supplier<ActionPublisher> actions,
                                     Supplier<ReportStore> reports, Supplier<Function<MimeEmail, String>> email,
                                     Supplier<BiFunction<String, String, String>> sms) {
        return new AwsAdapters(work, actions, reports, email, sms);
    }

    @Override
    public WorkDispatcher workDispatcher() {
        return work.get();
    }

    @Override
    public ActionPublisher actionPublisher() {
        return actions.get();
    }

    @Override
    public ReportStore reportStore() {
        return reports.get();
    }

    @Override
    public Function<MimeEmail, String> emailSender() {
        return email.get();
    }

    @Override
    public BiFunction<String, String, String> smsSender() {
        return sms.get();
    }

    @Override
    public Inbox inbox(Inbox table) {
        return table;
    }

    @Override
    public ContactJournal contactJournal() {
        // In AWS the decisions are in the table and the function's logs and metrics; nothing else listens.
        return ContactJournal.NONE;
    }
}
