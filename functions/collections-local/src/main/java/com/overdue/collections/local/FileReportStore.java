package com.overdue.collections.local;

import com.overdue.collections.core.port.ReportStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** {@link ReportStore} of the local runner: {@code DIR/credit/<file>} (the cycle is in the file name). */
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
}
