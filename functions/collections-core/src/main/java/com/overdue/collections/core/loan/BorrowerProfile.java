package com.overdue.collections.core.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The borrower record: the profile (PII) and, for each field, the stamp of the change that set it
 * ({@code occurredAt#eventId}). Changes apply in {@code occurredAt} order whatever their order of arrival: a field
 * takes a sent value only when the change is newer than the field's stamp (ties broken by eventId), so the newest
 * change of each field wins, and the result is the same in any order (RULES §8). {@link #toString()} prints the id.
 */
public record BorrowerProfile(Borrower borrower, Map<String, String> stamps, Instant erasedAt) {

    /** The fields of the profile, in the order they are recorded. */
    public static final List<String> FIELDS = List.of("firstName", "middleName", "lastName", "locale", "timeZone",
            "email", "phone", "dateOfBirth", "nationalId", "address");
    /** Contact data: erased whatever else must be kept. */
    public static final List<String> CONTACT = List.of("email", "phone");
    /** Identity data the credit bureau needs while an account is reported (Metro 2 base segment, RULES §7). */
    public static final List<String> IDENTITY = List.of("firstName", "middleName", "lastName", "dateOfBirth",
            "nationalId", "address");

    public BorrowerProfile {
        Objects.requireNonNull(borrower, "borrower");
        stamps = Map.copyOf(stamps);
    }

    /** What one change did: the new profile and the names of the fields it set (values never). */
    public record Applied(BorrowerProfile profile, List<String> changedFields) {
    }

    /** What an erasure did: the fields removed and the fields kept because the law needs them, with why. */
    public record Erased(BorrowerProfile profile, List<String> erasedFields, List<String> retainedFields,
                         String retainedBecause) {
    }

    public static BorrowerProfile empty(String borrowerId) {
        return new BorrowerProfile(new Borrower(borrowerId, null, null, null, null, null, null, null, null, null,
                null), Map.of(), null);
    }

    /** Applies a change that occurred at {@code occurredAt} (event {@code eventId}): newest change per field wins. */
    public Applied apply(BorrowerDetails change, Instant occurredAt, String eventId) {
        String stamp = occurredAt + "#" + eventId;
        Map<String, Object> values = values(borrower);
        Map<String, Object> sent = values(change.asBorrower());
        Map<String, String> newStamps = new LinkedHashMap<>(stamps);
        List<String> changed = new ArrayList<>();
        for (String field : FIELDS) {
            Object value = sent.get(field);
            if (value != null && newer(stamp, stamps.get(field))) {
                values.put(field, value);
                newStamps.put(field, stamp);
                changed.add(field);
            }
        }
        return new Applied(new BorrowerProfile(borrower(borrower.borrowerId(), values), newStamps, erasedAt), changed);
    }

    /**
     * Erases the borrower's PII at {@code at}: contact data always; identity data too unless {@code identityNeeded}
     * (a loan of the borrower is still open, so the bureau must keep receiving an identified account). Every erased
     * field is stamped with the erasure, so that no older change can bring it back. Locale and time zone, which are
     * not personal, stay (a legally required notice is still written in the borrower's language).
     */
    public Erased erase(Instant at, boolean identityNeeded) {
        String stamp = at + "#ERASURE";
        Map<String, Object> values = values(borrower);
        Map<String, String> newStamps = new LinkedHashMap<>(stamps);
        List<String> erased = new ArrayList<>();
        List<String> retained = new ArrayList<>();
        for (String field : FIELDS) {
            boolean identity = IDENTITY.contains(field);
            if (!identity && !CONTACT.contains(field)) {
                continue;
            }
            if (identity && identityNeeded) {
                if (values.get(field) != null) {
                    retained.add(field);
                }
                continue;
            }
            if (values.get(field) != null) {
                erased.add(field);
            }
            values.put(field, null);
            newStamps.put(field, stamp);
        }
        return new Erased(new BorrowerProfile(borrower(borrower.borrowerId(), values), newStamps, at), erased,
                retained, retained.isEmpty() ? null
                : "a loan of the borrower is open: the credit bureau must keep receiving an identified account "
                + "(RULES §7); erase again once every loan is closed");
    }

    private static boolean newer(String stamp, String current) {
        if (current == null) {
            return true;
        }
        Instant a = Instant.parse(stamp.substring(0, stamp.indexOf('#')));
        Instant b = Instant.parse(current.substring(0, current.indexOf('#')));
        int byTime = a.compareTo(b);
        return byTime > 0 || byTime == 0 && stamp.compareTo(current) > 0;
    }

    private static Map<String, Object> values(Borrower b) {
        Map<String, Object> v = new LinkedHashMap<>();
        List<Function<Borrower, Object>> getters = List.of(Borrower::firstName, Borrower::middleName,
                Borrower::lastName, Borrower::locale, Borrower::timeZone, Borrower::email, Borrower::phone,
                Borrower::dateOfBirth, Borrower::nationalId, Borrower::address);
        for (int i = 0; i < FIELDS.size(); i++) {
            v.put(FIELDS.get(i), getters.get(i).apply(b));
        }
        return v;
    }

    private static Borrower borrower(String id, Map<String, Object> v) {
        return new Borrower(id, (String) v.get("firstName"), (String) v.get("middleName"), (String) v.get("lastName"),
                (String) v.get("locale"), (String) v.get("timeZone"), (String) v.get("email"), (String) v.get("phone"),
                (LocalDate) v.get("dateOfBirth"), (String) v.get("nationalId"), (Borrower.PostalAddress) v.get("address"));
    }

    @Override
    public String toString() {
        return "BorrowerProfile[" + borrower.borrowerId() + "]";
    }
}
