package com.overdue.collections.local;

import com.overdue.collections.core.bureau.Metro2Manifest;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.lambda.s3.Metro2ManifestDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * {@link ReportStore} of the local runner: {@code DIR/credit/<file>} (the cycle is in the file name). The manifest is
 * the same document as in S3, so that a local run shows what the bureau team will read.
 */
final class FileReportStore implements ReportStore {

    private final Path dir;

    FileReportStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public String put(LocalDate cycleDate, String fileName, byte[] content, String contentType) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.write(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName, e);
        }
    }

    @Override
    public String putManifest(LocalDate cycleDate, String fileName, Metro2Manifest manifest) {
        return put(cycleDate, fileName, Metro2ManifestDocument.write(manifest), "application/json");
    }
}
