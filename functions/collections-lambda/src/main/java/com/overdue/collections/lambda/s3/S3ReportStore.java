package com.overdue.collections.lambda.s3;

import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.port.ReportStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.time.LocalDate;

/**
 * {@link ReportStore} on the reports bucket: {@code metro2/<yyyy>/<mm>/<file>}, encrypted at rest (SSE-S3, also the
 * bucket default). The bucket is versioned, so writing a re-run's file under the same key keeps the earlier object.
 */
public final class S3ReportStore implements ReportStore {

    private final S3Client s3;
    private final String bucket;

    public S3ReportStore(S3Client s3, String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("collections.report-bucket (COLLECTIONS_REPORT_BUCKET) is not set");
        }
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The object key of a cycle's file: the cycle's year and month, then the file name. */
    public static String key(LocalDate cycleDate, String fileName) {
        return String.format("metro2/%04d/%02d/%s", cycleDate.getYear(), cycleDate.getMonthValue(), fileName);
    }

    @Override
    public String put(LocalDate cycleDate, String fileName, byte[] content, String contentType) {
        String key = key(cycleDate, fileName);
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(content));
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String putManifest(LocalDate cycleDate, String fileName, Metro2Manifest manifest) {
        return put(cycleDate, fileName, Metro2ManifestDocument.write(manifest), "application/json");
    }
}
