package com.overdue.collections.core.delinquency;

/** A configured range of days past due, e.g. {@code 31-60} or {@code 181+} (upper bound {@code null}). */
public record DelinquencyBucket(String name, int fromDays, Integer toDays) {

    public DelinquencyBucket {
        if (fromDays < 1 || (toDays != null && toDays < fromDays)) {
            throw new IllegalArgumentException("bad bucket " + name + ": " + fromDays + ".." + toDays);
        }
    }

    public boolean contains(int daysPastDue) {
        return daysPastDue >= fromDays && (toDays == null || daysPastDue <= toDays);
    }

    /** Parses {@code "31-60"} or {@code "181+"}; the text is also the bucket's name. */
    public static DelinquencyBucket parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("+")) {
                return new DelinquencyBucket(t, Integer.parseInt(t.substring(0, t.length() - 1)), null);
            }
            String[] bounds = t.split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("expected FROM-TO or FROM+");
            }
            return new DelinquencyBucket(t, Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bucket \"" + text + "\": " + e.getMessage(), e);
        }
    }
}
