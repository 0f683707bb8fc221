package com.overdue.collections.core.metro2;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counts a Metro 2 trailer carries, computed from the base segments actually written (never supplied by hand).
 * The rules are those moov-io/metro2 checks the trailer against: block count is base records plus header and trailer;
 * a Social Security Number counts when it is neither zero- nor nine-filled; a date of birth when present; a telephone
 * number when not zero. This writer emits no J1/J2/K/L/N segments, so their counts are zero.
 *
 * @param statusCounts base records per Account Status code; codes without records are absent
 */
public record Metro2TrailerTotals(int totalBaseRecords, Map<String, Integer> statusCounts, int ecoaCodeZ,
                                  int socialSecurityNumbers, int datesOfBirth, int telephoneNumbers) {

    private static final long NINE_FILLED_SSN = 999_999_999L;

    public Metro2TrailerTotals {
        statusCounts = Map.copyOf(Objects.requireNonNull(statusCounts, "statusCounts"));
    }

    /** Header and trailer are one block each in a fixed-length file; every base segment is one more. */
    public int blockCount() {
        return totalBaseRecords + 2;
    }

    public int statusCount(String accountStatusCode) {
        return statusCounts.getOrDefault(accountStatusCode, 0);
    }

    static Tally tally() {
        return new Tally();
    }

    /** Accumulates the totals while base segments are written. */
    static final class Tally {
        private int baseRecords;
        private final Map<String, Integer> statusCounts = new TreeMap<>();
        private int ecoaCodeZ;
        private int socialSecurityNumbers;
        private int datesOfBirth;
        private int telephoneNumbers;

        private Tally() {
        }

        /** Counts one written base segment by the values as written. */
        void count(String accountStatusCode, char ecoaCode, long socialSecurityNumber, boolean hasDateOfBirth,
                   long telephoneNumber) {
            baseRecords++;
            statusCounts.merge(accountStatusCode, 1, Integer::sum);
            if (ecoaCode == EcoaCode.DELETE_CONSUMER.code()) {
                ecoaCodeZ++;
            }
            if (socialSecurityNumber > 0 && socialSecurityNumber < NINE_FILLED_SSN) {
                socialSecurityNumbers++;
            }
            if (hasDateOfBirth) {
                datesOfBirth++;
            }
            if (telephoneNumber > 0) {
                telephoneNumbers++;
            }
        }

        Metro2TrailerTotals totals() {
            return new Metro2TrailerTotals(baseRecords, statusCounts, ecoaCodeZ, socialSecurityNumbers, datesOfBirth,
                    telephoneNumbers);
        }
    }
}
