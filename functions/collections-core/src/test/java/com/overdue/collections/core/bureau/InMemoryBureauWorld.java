package com.overdue.collections.core.bureau;

import com.overdue.collections.core.port.ActionOutbox;
import com.overdue.collections.core.port.ActionPublisher;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.BureauLedger;
import com.overdue.collections.core.port.CollectionsAction;
import com.overdue.collections.core.port.DuplicateEventException;
import com.overdue.collections.core.port.LoanCatalog;
import com.overdue.collections.core.port.LoanChange;
import com.overdue.collections.core.port.LoanRecord;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.port.ReportStore;
import com.overdue.collections.core.port.ReviewPage;
import com.overdue.collections.core.port.StaleLoanException;
import com.overdue.collections.core.port.StoredEvent;
import com.overdue.collections.core.loan.Borrower;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every port the credit-report export uses, in memory (files on disk, so the validator can read them): the loan
 * ledger, the bureau records, the actions published and the report store.
 */
final class InMemoryBureauWorld implements LoanRepository, LoanCatalog, BorrowerDirectory, BureauLedger,
        ActionPublisher, ActionOutbox, ReportStore {

    final Map<String, LoanRecord> loans = new TreeMap<>();
    final Map<String, List<StoredEvent>> events = new LinkedHashMap<>();
    final Map<String, Borrower> borrowers = new LinkedHashMap<>();
    final Map<String, BureauRecord> bureau = new TreeMap<>();
    final Map<String, CollectionsAction> actions = new LinkedHashMap<>();
    final List<CollectionsAction> published = new ArrayList<>();
    final Map<String, Metro2Manifest> manifests = new LinkedHashMap<>();
    final Path dir;

    InMemoryBureauWorld(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<LoanRecord> findLoan(String loanId) {
        return Optional.ofNullable(loans.get(loanId));
    }

    @Override
    public List<StoredEvent> findEvents(String loanId) {
        return List.copyOf(events.getOrDefault(loanId, List.of()));
    }

    @Override
    public void save(LoanChange change) {
        LoanRecord current = loans.get(change.record().loanId());
        long version = current == null ? 0 : current.version();
        if (version != change.expectedVersion()) {
            throw new StaleLoanException(change.record().loanId(), change.expectedVersion());
        }
        if (change.event() != null) {
            List<StoredEvent> list = events.computeIfAbsent(change.record().loanId(), k -> new ArrayList<>());
            if (list.stream().anyMatch(e -> e.eventId().equals(change.event().eventId()))) {
                throw new DuplicateEventException(change.record().loanId(), change.event().eventId());
            }
            list.add(change.event());
        }
        if (change.borrower() != null) {
            borrowers.put(change.borrower().borrowerId(), change.borrower().details().asBorrower());
        }
        loans.put(change.record().loanId(), change.record());
    }

    @Override
    public ReviewPage findDueForReview(String timeZone, int shard, LocalDate date, String cursor, int limit) {
        return new ReviewPage(List.of(), null);
    }

    @Override
    public void forEachLoan(Consumer<LoanRecord> action) {
        List.copyOf(loans.values()).forEach(action);
    }

    @Override
    public Optional<Borrower> findBorrower(String borrowerId) {
        return Optional.ofNullable(borrowers.get(borrowerId));
    }

    @Override
    public Optional<BureauRecord> find(String loanId, LocalDate cycleDate) {
        return Optional.ofNullable(bureau.get(loanId + "#" + cycleDate));
    }

    @Override
    public Optional<BureauRecord> findLatestBefore(String loanId, LocalDate cycleDate) {
        return bureau.values().stream().filter(r -> r.loanId().equals(loanId) && r.cycleDate().isBefore(cycleDate))
                .reduce((a, b) -> b);
    }

    /** Notices recorded PENDING with their record and not marked published yet, by action id. */
    final Map<String, CollectionsAction> pendingNotices = new LinkedHashMap<>();
    /** Cycles whose file is recorded due and not written yet, and the written ones with their SHA-256. */
    final Map<LocalDate, java.time.Instant> filesDue = new TreeMap<>();
    final Map<LocalDate, String> filesWritten = new TreeMap<>();

    @Override
    public boolean record(BureauRecord record, CollectionsAction notice) {
        boolean written = bureau.putIfAbsent(record.loanId() + "#" + record.cycleDate(), record) == null;
        if (written && notice != null) {
            pendingNotices.put(notice.actionId(), notice);
        }
        return written;
    }

    @Override
    public void fileDue(LocalDate cycleDate, java.time.Instant at) {
        if (!filesWritten.containsKey(cycleDate)) {
            filesDue.putIfAbsent(cycleDate, at);
        }
    }

    @Override
    public void fileWritten(LocalDate cycleDate, String sha256) {
        filesDue.remove(cycleDate);
        filesWritten.put(cycleDate, sha256);
    }

    @Override
    public List<BureauLedger.Undelivered> filesDueBy(java.time.Instant before) {
        return filesDue.entrySet().stream().filter(e -> !e.getValue().isAfter(before))
                .map(e -> new BureauLedger.Undelivered(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<ActionOutbox.Undelivered> undeliveredBy(java.time.Instant now, int limit) {
        return pendingNotices.values().stream().limit(limit).map(a -> new ActionOutbox.Undelivered(a, now)).toList();
    }

    @Override
    public boolean markPublished(String loanId, String actionId) {
        return pendingNotices.remove(actionId) != null;
    }

    List<BureauRecord> recordsOf(String loanId) {
        return bureau.values().stream().filter(r -> r.loanId().equals(loanId)).toList();
    }

    @Override
    public Outcome publish(CollectionsAction action) {
        if (actions.putIfAbsent(action.actionId(), action) != null) {
            return Outcome.ALREADY_PUBLISHED;
        }
        published.add(action);
        return Outcome.PUBLISHED;
    }

    @Override
    public String put(LocalDate cycleDate, String fileName, byte[] content, String contentType) {
        Path file = dir.resolve(fileName);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    @Override
    public String putManifest(LocalDate cycleDate, String fileName, Metro2Manifest manifest) {
        manifests.put(fileName, manifest);
        return dir.resolve(fileName).toString();
    }
}
