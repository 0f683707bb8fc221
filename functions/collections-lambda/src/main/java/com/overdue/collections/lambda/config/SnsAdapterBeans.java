package com.overdue.collections.lambda.config;

import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.WorkDispatcher;
import com.overdue.collections.lambda.engine.EngineSettings;
import com.overdue.collections.lambda.sns.SnsActionPublisher;
import com.overdue.collections.lambda.sns.SnsSmsSender;
import com.overdue.collections.lambda.sns.SnsWorkDispatcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.function.BiFunction;

/**
 * The adapters on the SNS client: work topic, actions topic, SMS. Left out of the artifacts without SNS
 * ({@code quarkus.arc.exclude-types} in functions/artifacts), which then carry no SNS classes at all.
 */
@ApplicationScoped
public class SnsAdapterBeans {

    @Produces
    @Singleton
    WorkDispatcher workDispatcher(SnsClient sns, EngineSettings settings) {
        if (settings.workTopicArn() == null) {
            throw new IllegalStateException(EngineSettings.WORK_TOPIC_ARN + " (COLLECTIONS_WORK_TOPIC_ARN) is not set");
        }
        return new SnsWorkDispatcher(sns, settings.workTopicArn());
    }

    @Produces
    @Singleton
    ActionPublisher actionPublisher(SnsClient sns, EngineSettings settings) {
        return new SnsActionPublisher(sns, settings.actionsTopicArn());
    }

    @Produces
    @Singleton
    BiFunction<String, String, String> smsSender(SnsClient sns, EngineSettings settings) {
        return new SnsSmsSender(sns, settings.smsSenderId())::send;
    }

    /** Warm-up ({@link Warmup}): a dry-run topic read through the SNS client, when the function uses SNS. */
    void prime(@Observes Warmup.Prime prime, SnsClient sns) {
        if (prime.services().contains("sns")) {
            String topic = prime.settings().workTopicArn() != null ? prime.settings().workTopicArn()
                    : prime.settings().actionsTopicArn();
            prime.warmup().dryRun("sns", () -> sns.getTopicAttributes(b -> b.topicArn(
                    topic != null ? topic : "arn:aws:sns:us-east-1:000000000000:warmup")
                    .overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));
        }
    }
}
