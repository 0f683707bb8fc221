package com.overdue.collections.core.metro2;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The data furnisher and the file's dates: what goes into the Metro 2 header record, plus the Identification Number
 * that every base segment repeats. Configuration per lender; checked when built so a bad value is reported at start-up
 * with the field's name, not by a bureau weeks later.
 *
 * @param identificationNumber        furnisher id assigned by the bureaus (base segment positions 21–40)
 * @param cycleIdentifier             two characters for cycle reporting, blank for month-end reporting
 * @param equifaxProgramIdentifier    header positions 23–32, blank when not reporting to Equifax
 * @param experianProgramIdentifier   header positions 33–37, blank when not reporting to Experian
 * @param transUnionProgramIdentifier header positions 38–47, blank when not reporting to TransUnion
 * @param activityDate                date of the latest account activity the file reports (usually the cycle end)
 * @param dateCreated                 date the file was created
 * @param programDate                 date the furnisher's Metro 2 program first reported, or null
 * @param programRevisionDate         date the furnisher's Metro 2 program last changed, or null
 * @param reporterName                furnisher name, 40 characters at most
 * @param reporterAddress             furnisher address on one line, 96 characters at most
 * @param reporterTelephone           ten digits (formatting characters ignored), or null
 * @param softwareVendorName          who wrote the Metro 2 software, or null
 * @param softwareVersionNumber       its version, 5 characters at most, or null
 */
public record Metro2Reporter(
        String identificationNumber,
        String cycleIdentifier,
        String equifaxProgramIdentifier,
        String experianProgramIdentifier,
        String transUnionProgramIdentifier,
        LocalDate activityDate,
        LocalDate dateCreated,
        LocalDate programDate,
        LocalDate programRevisionDate,
        String reporterName,
        String reporterAddress,
        String reporterTelephone,
        String softwareVendorName,
        String softwareVersionNumber) {

    public Metro2Reporter {
        identificationNumber = required("identificationNumber", identificationNumber, 20);
        if (identificationNumber.chars().allMatch(c -> c == '0')
                || identificationNumber.chars().allMatch(c -> c == '9')) {
            // moov-io/metro2 rejects zero- or nine-filled identification numbers.
            throw new IllegalArgumentException("Metro2Reporter.identificationNumber must not be all zeros or nines");
        }
        cycleIdentifier = optional("cycleIdentifier", cycleIdentifier, 2);
        equifaxProgramIdentifier = optional("equifaxProgramIdentifier", equifaxProgramIdentifier, 10);
        experianProgramIdentifier = optional("experianProgramIdentifier", experianProgramIdentifier, 5);
        transUnionProgramIdentifier = optional("transUnionProgramIdentifier", transUnionProgramIdentifier, 10);
        Objects.requireNonNull(activityDate, "Metro2Reporter.activityDate");
        Objects.requireNonNull(dateCreated, "Metro2Reporter.dateCreated");
        reporterName = required("reporterName", reporterName, 40);
        reporterAddress = required("reporterAddress", reporterAddress, 96);
        reporterTelephone = telephone(reporterTelephone);
        softwareVendorName = optional("softwareVendorName", softwareVendorName, 40);
        softwareVersionNumber = optional("softwareVersionNumber", softwareVersionNumber, 5);
    }

    private static String required(String field, String value, int width) {
        String checked = optional(field, value, width);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("Metro2Reporter." + field + " is required");
        }
        return checked;
    }

    /** Upper-cases and rejects what the Metro 2 character set or the field width cannot hold. */
    private static String optional(String field, String value, int width) {
        if (value == null) {
            return "";
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        Metro2CharacterSet.Cleaned cleaned = Metro2CharacterSet.clean(upper);
        if (cleaned.transliterated() > 0 || cleaned.blanked() > 0) {
            throw new IllegalArgumentException("Metro2Reporter." + field
                    + " has characters outside the Metro 2 character set (upper-case ASCII letters, digits, blank"
                    + " and common punctuation)");
        }
        if (cleaned.text().length() > width) {
            throw new IllegalArgumentException(
                    "Metro2Reporter." + field + " is longer than its " + width + "-character field");
        }
        return cleaned.text();
    }

    private static String telephone(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() != 10) {
            throw new IllegalArgumentException("Metro2Reporter.reporterTelephone must have 10 digits");
        }
        return digits;
    }
}
