package com.overdue.collections.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's progress: a bar with an ETA on a terminal, a line every ten days elsewhere, nothing when quiet. */
class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    private void runDays(ConsoleProgress progress, int days) {
        progress.status("Starting DynamoDB Local ...");
        for (int d = 1; d <= days; d++) {
            nanos.addAndGet(1_000_000_000L); // one second per day
            progress.day(new ProgressListener.Day(LocalDate.of(2026, 9, 1).plusDays(d - 1), d, days, d * 10L, 0, 0,
                    d, d * 2L));
        }
        progress.finished();
    }

    @Test
    void on_a_terminal_the_bar_is_redrawn_in_place_with_an_eta_from_the_pace_so_far() {
        runDays(new ConsoleProgress(console, ConsoleProgress.Mode.BAR, nanos::get), 30);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).startsWith("Starting DynamoDB Local ...\n");
        // After day 10 of 30 at one second a day: 20 days left, 0:20.
        assertThat(text).contains("\r  [##########....................]  33%  day 10/30  2026-09-10  ETA 0:20");
        // Done after 30 s since the first message, the first day included (the ETA leaves it out).
        assertThat(text).contains("100%  day 30/30  2026-09-30  done in 0:30");
        assertThat(text).endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(2); // the status, the bar redrawn in place
    }

    @Test
    void elsewhere_a_plain_line_every_ten_days_and_the_last_one() {
        runDays(new ConsoleProgress(console, ConsoleProgress.Mode.LINES, nanos::get), 25);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("\r");
        assertThat(text.lines()).containsExactly("Starting DynamoDB Local ...",
                "  [day  10/25] 2026-09-10  events applied 100, duplicate 0, rejected 0; loans scanned 10; "
                        + "work items 20; ETA 0:15",
                "  [day  20/25] 2026-09-20  events applied 200, duplicate 0, rejected 0; loans scanned 20; "
                        + "work items 40; ETA 0:05",
                "  [day  25/25] 2026-09-25  events applied 250, duplicate 0, rejected 0; loans scanned 25; "
                        + "work items 50; done in 0:25");
    }

    /** 2,000 events before the window at 1 ms each, then two days at one second each. */
    private void runEventsThenDays(ConsoleProgress progress) {
        progress.status("Starting DynamoDB Local ...");
        for (int e = 1; e <= 2000; e++) {
            nanos.addAndGet(1_000_000L);
            progress.beforeFirstDay(new ProgressListener.Day(LocalDate.of(2026, 9, 1), 0, 2, e, 0, 0, 0, 0));
        }
        for (int d = 1; d <= 2; d++) {
            nanos.addAndGet(1_000_000_000L);
            progress.day(new ProgressListener.Day(LocalDate.of(2026, 9, d), d, 2, 2000, 0, 0, d, d));
        }
        progress.finished();
    }

    @Test
    void on_a_terminal_the_events_before_the_first_day_move_a_bar_at_zero() {
        runEventsThenDays(new ConsoleProgress(console, ConsoleProgress.Mode.BAR, nanos::get));
        String text = bytes.toString(StandardCharsets.UTF_8);

        // Drawn at the first event, then at most every 100 ms: 2 s of events, 20 redraws after the first.
        assertThat(text).contains("\r  [..............................]   0%  day 0/2  2026-09-01  events applied 1  ");
        assertThat(text).contains("  0%  day 0/2  2026-09-01  events applied 1,901  ");
        assertThat(text.split("events applied ", -1)).hasSize(21);
        // The run took 4 s since its first message, the events included.
        assertThat(text).contains("100%  day 2/2  2026-09-02  done in 0:04");
    }

    @Test
    void elsewhere_the_events_before_the_first_day_print_no_line() {
        runEventsThenDays(new ConsoleProgress(console, ConsoleProgress.Mode.LINES, nanos::get));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("events applied 1,")
                .doesNotContain("day  0/");
    }

    @Test
    void quiet_prints_nothing() {
        runDays(new ConsoleProgress(console, ConsoleProgress.Mode.OFF, nanos::get), 12);
        assertThat(bytes.size()).isZero();
    }
}
