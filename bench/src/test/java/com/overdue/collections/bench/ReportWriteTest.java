package com.overdue.collections.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A benchmark's results replace its own section of RESULTS.md, wherever other text or markers stand. */
class ReportWriteTest {

    @Test
    void replacesTheSectionBetweenItsMarkersAndKeepsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "# B\n\nintro\n\n" + Report.begin("accrual") + "\n\nold figures\n\n"
                + Report.end("accrual") + "\n\nafter\n", StandardCharsets.UTF_8);

        Report.write(file, "accrual", "new figures\n");

        assertEquals("# B\n\nintro\n\n" + Report.begin("accrual") + "\n\nnew figures\n\n" + Report.end("accrual")
                + "\n\nafter\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void aStrayEndMarkerBeforeTheSectionDoesNotMakeItAppendASecondCopy(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "copied text\n" + Report.end("accrual") + "\n\n" + Report.begin("accrual")
                + "\n\nold figures\n\n" + Report.end("accrual") + "\n", StandardCharsets.UTF_8);

        Report.write(file, "accrual", "new figures\n");

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("copied text\n" + Report.end("accrual") + "\n\n" + Report.begin("accrual")
                + "\n\nnew figures\n\n" + Report.end("accrual") + "\n", text);
    }

    @Test
    void aMissingSectionIsAppended(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "# B\n", StandardCharsets.UTF_8);

        Report.write(file, "scan", "figures\n");

        assertEquals("# B\n\n" + Report.begin("scan") + "\n\nfigures\n\n" + Report.end("scan") + "\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }
}
