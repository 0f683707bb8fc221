package com.overdue.collections.lambda.engine;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.ContactJournal;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.s3.S3ReportStore;
import com.overdue.collections.lambda.ses.MimeEmail;
import com.overdue.collections.lambda.ses.SesEmailSender;
import com.overdue.collections.lambda.sns.SnsActionPublisher;
import com.overdue.collections.lambda.sns.SnsSmsSender;
import com.overdue.collections.lambda.sns.SnsWorkDispatcher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The engine's outward effects in AWS: SNS topics, SES, SNS SMS and the S3 reports bucket. */
public final class AwsAdapters implements EngineAdapters {

    private final EngineSettings settings;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final SesClient ses;
    private final S3Client s3;
    private final Clock clock;

    private AwsAdapters(EngineSettings settings, DynamoDbClient dynamoDb, SnsClient sns, SesClient ses, S3Client s3,
                        Clock clock) {
        this.settings = settings;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.ses = ses;
        this.s3 = s3;
        this.clock = clock;
    }

    /**
     * The AWS adapters on these clients. Each is built when the engine first asks for it, so a topic or bucket that
     * is not set fails the function that needs it (naming the setting) and no other.
     */
    public static AwsAdapters create(EngineSettings settings, DynamoDbClient dynamoDb, SnsClient sns, SesClient ses,
                                     S3Client s3, Clock clock) {
        return new AwsAdapters(settings, dynamoDb, sns, ses, s3, clock);
    }

    @Override
    public WorkDispatcher workDispatcher() {
        if (settings.workTopicArn() == null) {
            throw new IllegalStateException(EngineSettings.WORK_TOPIC_ARN + " (COLLECTIONS_WORK_TOPIC_ARN) is not set");
        }
        return new SnsWorkDispatcher(sns, settings.workTopicArn());
    }

    @Override
    public ActionPublisher actionPublisher() {
        return new SnsActionPublisher(sns, settings.actionsTopicArn());
    }

    @Override
    public ReportStore reportStore() {
        return new S3ReportStore(s3, settings.reportBucket());
    }

    @Override
    public Function<MimeEmail, String> emailSender() {
        return new SesEmailSender(ses)::send;
    }

    @Override
    public BiFunction<String, String, String> smsSender() {
        return new SnsSmsSender(sns, settings.smsSenderId())::send;
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
