package com.overdue.collections.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.loan.BorrowerDetails;
import com.overdue.collections.core.loan.BorrowerProfile;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.testing.EventJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The borrower record: details change in occurredAt order whatever the order of arrival (newest change per field
 * wins, every change recorded by field name), the stored event copies keep no PII, and erasure removes the PII while
 * keeping what the bureau needs for an open loan.
 */
class BorrowerRecordTest {

    private static final Path HOSTILE = Path.of("src/test/resources/events/hostile/hostile-events.jsonl");

    private static BorrowerDetails details(String email, String phone, String line1) {
        return new BorrowerDetails("B-1", null, null, null, null, null, email, phone, null, null,
                line1 == null ? null : new Borrower.PostalAddress(line1, null, "Hangzhou", null, null, "CN"));
    }

    @Test
    void the_newest_change_of_each_field_wins_in_any_order_of_arrival() {
        List<Object[]> changes = new ArrayList<>(List.of(
                new Object[]{details("a@example.cn", "+8613000000001", "1 A Road"), "2026-01-01T00:00:00Z", "e1"},
                new Object[]{details("b@example.cn", null, null), "2026-01-03T00:00:00Z", "e3"},
                new Object[]{details(null, "+8613000000002", null), "2026-01-02T00:00:00Z", "e2"},
                new Object[]{details("c@example.cn", null, "2 B Road"), "2026-01-02T00:00:00Z", "e2b"}));
        BorrowerProfile expected = null;
        Random random = new Random(7);
        for (int round = 0; round < 24; round++) {
            Collections.shuffle(changes, random);
            BorrowerProfile p = BorrowerProfile.empty("B-1");
            for (Object[] c : changes) {
                p = p.apply((BorrowerDetails) c[0], Instant.parse((String) c[1]), (String) c[2]).profile();
            }
            assertThat(p.borrower().email()).isEqualTo("b@example.cn");
            assertThat(p.borrower().phone()).isEqualTo("+8613000000002");
            assertThat(p.borrower().address().line1()).isEqualTo("2 B Road");
            if (expected != null) {
                assertThat(p).isEqualTo(expected);
            }
            expected = p;
        }
        BorrowerProfile.Applied older = expected.apply(details("old@example.cn", null, null),
                Instant.parse("2025-12-01T00:00:00Z"), "e0");
        assertThat(older.changedFields()).isEmpty();
        assertThat(older.profile().borrower().email()).isEqualTo("b@example.cn");
    }

    @Test
    void the_hostile_file_leaves_one_borrower_record_with_the_newest_details_and_no_pii_in_stored_events()
            throws Exception {
        InMemoryLoanRepository loans = new InMemoryLoanRepository(4);
        Clock clock = Clock.fixed(Instant.parse("2026-03-05T01:00:00Z"), ZoneOffset.UTC);
        IngestEventUseCase ingest = new IngestEventUseCase(loans, CollectionsSettings.defaults(4), clock);
        for (String line : HostileEventsTest.lines(HOSTILE.getParent())) {
            if (line != null && !line.isBlank()) {
                ingest.ingest(line);
            }
        }
        Borrower b = loans.borrower("B-H1").orElseThrow();
        // Booking (01-10), details 02-20 (e-mail, phone), details 02-15 (e-mail loses to 02-20, address wins).
        assertThat(b.email()).isEqualTo("m.gongsun@example.org");
        assertThat(b.phone()).isEqualTo("+8613787654321");
        assertThat(b.address().line1()).isEqualTo("9 Orchid Road");
        assertThat(b.lastName()).isEqualTo("Gongsun");
        assertThat(loans.findEvents("L-H1")).isNotEmpty().allSatisfy(e -> assertThat(e.json())
                .doesNotContain("Gongsun", "Meilin", "example.", "+86", "11010519900307281X", "Lotus"));
        // The stored copies still replay.
        assertThat(loans.findEvents("L-H1")).allSatisfy(e -> assertThat(EventJson.stored(e.json()).eventId())
                .isEqualTo(e.eventId()));

        EraseBorrowerUseCase erase = new EraseBorrowerUseCase(loans, id -> List.of("L-H1"), loans, clock);
        BorrowerProfile.Erased open = erase.erase("B-H1").orElseThrow();

        assertThat(open.erasedFields()).containsExactly("email", "phone");
        assertThat(open.retainedFields()).contains("firstName", "lastName", "nationalId", "dateOfBirth", "address");
        assertThat(open.retainedBecause()).contains("open");
        Borrower afterOpen = loans.borrower("B-H1").orElseThrow();
        assertThat(afterOpen.email()).isNull();
        assertThat(afterOpen.phone()).isNull();
        assertThat(afterOpen.locale()).isEqualTo("zh-CN");

        LoanRecord loan = loans.findLoan("L-H1").orElseThrow();
        ingest.ingest(EventJson.loanClosed("h-close", Instant.parse("2026-03-04T01:00:00Z"), "L-H1", "SETTLED",
                LocalDate.parse("2026-03-04")));
        assertThat(loans.findLoan("L-H1").orElseThrow().version()).isGreaterThan(loan.version());
        BorrowerProfile.Erased closed = erase.erase("B-H1").orElseThrow();

        assertThat(closed.retainedFields()).isEmpty();
        assertThat(closed.erasedFields()).contains("firstName", "lastName", "nationalId", "dateOfBirth", "address");
        Borrower gone = loans.borrower("B-H1").orElseThrow();
        assertThat(List.of(String.valueOf(gone.firstName()), String.valueOf(gone.lastName()),
                String.valueOf(gone.nationalId()), String.valueOf(gone.address()))).containsOnly("null");
        // A change older than the erasure cannot bring the data back; the ledger is untouched.
        ingest.ingest(HostileEventsTest.lines(HOSTILE.getParent()).get(4));
        assertThat(loans.borrower("B-H1").orElseThrow().email()).isNull();
        assertThat(loans.findLoan("L-H1")).isPresent();
        assertThat(loans.findEvents("L-H1")).isNotEmpty();
    }
}
