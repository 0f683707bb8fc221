package com.overdue.collections.core.port;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who is scanning a time zone's business date: the lease that keeps two overdue scans of the same date (a Scheduler
 * retry overlapping a slow attempt, a manual re-run) from sending the same work items twice. A scan claims the
 * lease, renews it after each page and marks the date done at the end; a scan that dies leaves a lease that expires
 * {@code until}, after which a retry takes the date over (and re-sends what the dead one may have sent: the
 * documented at-least-once duplicate workers dedupe on {@link WorkItem#key()}).
 */
public interface ScanLeases {

    /** What a claim found. */
    enum Claim {
        /** The caller holds the lease now: scan. */
        CLAIMED,
        /** A scan running at the same time, which this one waited for, scanned the date to the end. */
        DONE
    }

    /**
     * Claims the scan of {@code timeZone} on {@code date} for {@code owner} until {@code until}. While another scan
     * holds a live lease the implementation waits for it to finish or expire (bounded; it throws when the bound is
     * exceeded, so the invocation fails and is retried, never skipping the date silently).
     */
    Claim claim(String timeZone, LocalDate date, String owner, Instant now, Instant until);

    /** Extends the caller's lease; {@code false} when it lost it (expired and taken over): stop scanning. */
    boolean renew(String timeZone, LocalDate date, String owner, Instant until);

    /** Marks the date scanned to the end. */
    void complete(String timeZone, LocalDate date, String owner);

    /** No leases: every scan scans (single-runner tests). */
    ScanLeases NONE = new ScanLeases() {
        @Override
        public Claim claim(String timeZone, LocalDate date, String owner, Instant now, Instant until) {
            return Claim.CLAIMED;
        }

        @Override
        public boolean renew(String timeZone, LocalDate date, String owner, Instant until) {
            return true;
        }

        @Override
        public void complete(String timeZone, LocalDate date, String owner) {
        }
    };
}
