package com.overdue.collections.lambda.config;

import com.overdue.collections.lambda.ses.MimeEmail;
import com.overdue.collections.lambda.ses.SesEmailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.ses.SesClient;

import java.util.function.Function;

/** The reminder e-mail sender on the SES client; left out of the artifacts without SES (functions/artifacts). */
@ApplicationScoped
public class SesAdapterBeans {

    @Produces
    @Singleton
    Function<MimeEmail, String> emailSender(SesClient ses) {
        return new SesEmailSender(ses)::send;
    }

    /** Warm-up ({@link Warmup}): a dry-run quota read through the SES client, when the function uses SES. */
    void prime(@Observes Warmup.Prime prime, SesClient ses) {
        if (prime.services().contains("ses")) {
            prime.warmup().dryRun("ses", () -> ses.getSendQuota(b -> b
                    .overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));
        }
    }
}
