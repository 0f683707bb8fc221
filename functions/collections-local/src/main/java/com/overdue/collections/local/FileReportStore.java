package com.overdue.collections.local;

import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.lambda.s3.Metro2ManifestDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@link ReportStore} of the local runner: {@code DIR/credit/<file>} (the cycle is in the file name). The manifest is
 * the same document as in S3, so that a local run shows what the bureau team will read. Each put is one
 * {@code file.report} crash point pair, as an S3 PutObject would be.
 */
final class FileReportStore implements ReportStore {

    private final Path dir;
    private final CrashInjector crashes;
    private final Deliveries deliveries;

    FileReportStore(Path dir, CrashInjector crashes, Deliveries deliveries) {
        this.dir = dir;
        this.crashes = crashes;
        this.deliveries = deliveries;
    }

    @Override
    public String put(LocalDate cycleDate, String fileName, byte[] content, String contentType) {
        return crashes.call("file.report", () -> {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(fileName);
                Files.write(file, content);
                deliveries.delivered("metro2", fileName);
                // Where it is relative to the run's output (as S3 gives a key): the same in every output folder.
                return dir.getFileName().resolve(fileName).toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + fileName, e);
            }
        });
    }

    @Override
    public String putManifest(LocalDate cycleDate, String fileName, Metro2Manifest manifest) {
        return put(cycleDate, fileName, Metro2ManifestDocument.write(manifest), "application/json");
    }
}
