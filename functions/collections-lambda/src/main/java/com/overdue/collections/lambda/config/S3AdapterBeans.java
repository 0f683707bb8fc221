package com.overdue.collections.lambda.config;

import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.lambda.engine.EngineSettings;
import com.overdue.collections.lambda.s3.S3ReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** The credit-bureau report store on the S3 client; left out of the artifacts without S3 (functions/artifacts). */
@ApplicationScoped
public class S3AdapterBeans {

    @Produces
    @Singleton
    ReportStore reportStore(S3Client s3, EngineSettings settings) {
        return new S3ReportStore(s3, settings.reportBucket());
    }

    /** Warm-up ({@link Warmup}): a dry-run object read through the S3 client, when the function uses S3. */
    void prime(@Observes Warmup.Prime prime, S3Client s3) {
        if (prime.services().contains("s3")) {
            String bucket = prime.settings().reportBucket() != null ? prime.settings().reportBucket() : "warmup";
            prime.warmup().dryRun("s3", () -> s3.headObject(b -> b.bucket(bucket)
                    .key("metro2/warmup").overrideConfiguration(DryRun.STOP_BEFORE_SENDING)));
        }
    }
}
