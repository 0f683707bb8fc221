package com.overdue.collections.core.metro2;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a Metro 2 file in the 426-byte fixed-length character format: one header record, one base segment per
 * account, one trailer record whose counts are computed from the base segments written. The file must pass the
 * independent moov-io/metro2 validator with zero errors (RULES §7).
 *
 * <ul>
 *   <li>Every record starts with the Record Descriptor Word {@code 0426} and is exactly 426 characters, upper-case
 *   US-ASCII; records end with a line feed ({@code \n}). moov-io/metro2 drops line ends and finds records by their
 *   descriptor word, so the line feeds are for people and tools, not the format.</li>
 *   <li>Alphanumeric fields are left-justified and blank-filled, numeric fields right-justified and zero-filled,
 *   dates MMDDYYYY or zero-filled when absent. Amounts are whole units, cents dropped (see
 *   {@code BaseSegmentComposer}).</li>
 *   <li>Text outside the Metro 2 character set is transliterated or blanked, never allowed to change a width, and
 *   flagged in the result; an account whose base segment cannot be valid is left out and reported as rejected.</li>
 * </ul>
 * No J1/J2/K1–K4/L1/N1 appendages are written.
 */
public final class Metro2FileWriter {

    public static final int RECORD_LENGTH = FixedWidthRecord.LENGTH;

    private static final String RECORD_SEPARATOR = "\n";
    private static final String HEADER_IDENTIFIER = "HEADER";
    private static final String TRAILER_IDENTIFIER = "TRAILER";

    /**
     * Writes the file to {@code out}. Every character written is US-ASCII, so any ASCII-compatible encoding of the
     * writer gives the same bytes; the caller closes the writer.
     */
    public Metro2WriteResult write(Metro2Reporter reporter, List<Metro2Account> accounts, Writer out)
            throws IOException {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(out, "out");

        writeRecord(out, header(reporter));
        BaseSegmentComposer composer = new BaseSegmentComposer(reporter);
        Metro2TrailerTotals.Tally tally = Metro2TrailerTotals.tally();
        List<FieldAdjustment> adjustments = new ArrayList<>();
        List<RejectedAccount> rejected = new ArrayList<>();
        for (Metro2Account account : accounts) {
            BaseSegmentComposer.Outcome outcome = composer.compose(account);
            adjustments.addAll(outcome.adjustments());
            if (outcome instanceof BaseSegmentComposer.Composed composed) {
                writeRecord(out, composed.record());
                tally.count(composed.accountStatusCode(), composed.ecoaCode(), composed.socialSecurityNumber(),
                        composed.hasDateOfBirth(), composed.telephoneNumber());
            } else if (outcome instanceof BaseSegmentComposer.Refused refused) {
                rejected.add(refused.rejected());
            }
        }
        Metro2TrailerTotals totals = tally.totals();
        writeRecord(out, trailer(totals));
        out.flush();
        return new Metro2WriteResult(totals, adjustments, rejected);
    }

    /** Renders the whole file in memory as US-ASCII bytes. */
    public Metro2File render(Metro2Reporter reporter, List<Metro2Account> accounts) {
        StringWriter buffer = new StringWriter();
        try {
            Metro2WriteResult result = write(reporter, accounts, buffer);
            return new Metro2File(buffer.toString().getBytes(StandardCharsets.US_ASCII), result);
        } catch (IOException e) {
            throw new UncheckedIOException("A StringWriter does not fail", e);
        }
    }

    private static void writeRecord(Writer out, String record) throws IOException {
        if (record.length() != RECORD_LENGTH) {
            throw new IllegalStateException("Metro 2 record of " + record.length() + " characters");
        }
        out.write(record);
        out.write(RECORD_SEPARATOR);
    }

    static String header(Metro2Reporter reporter) {
        return new FixedWidthRecord()
                .digits(HeaderField.RECORD_DESCRIPTOR_WORD, Integer.toString(RECORD_LENGTH))
                .alphanumeric(HeaderField.RECORD_IDENTIFIER, HEADER_IDENTIFIER)
                .alphanumeric(HeaderField.CYCLE_IDENTIFIER, reporter.cycleIdentifier())
                .alphanumeric(HeaderField.EQUIFAX_PROGRAM_IDENTIFIER, reporter.equifaxProgramIdentifier())
                .alphanumeric(HeaderField.EXPERIAN_PROGRAM_IDENTIFIER, reporter.experianProgramIdentifier())
                .alphanumeric(HeaderField.TRANSUNION_PROGRAM_IDENTIFIER, reporter.transUnionProgramIdentifier())
                .date(HeaderField.ACTIVITY_DATE, reporter.activityDate())
                .date(HeaderField.DATE_CREATED, reporter.dateCreated())
                .date(HeaderField.PROGRAM_DATE, reporter.programDate())
                .date(HeaderField.PROGRAM_REVISION_DATE, reporter.programRevisionDate())
                .alphanumeric(HeaderField.REPORTER_NAME, reporter.reporterName())
                .alphanumeric(HeaderField.REPORTER_ADDRESS, reporter.reporterAddress())
                .digits(HeaderField.REPORTER_TELEPHONE_NUMBER, reporter.reporterTelephone())
                .alphanumeric(HeaderField.SOFTWARE_VENDOR_NAME, reporter.softwareVendorName())
                .alphanumeric(HeaderField.SOFTWARE_VERSION_NUMBER, reporter.softwareVersionNumber())
                .text();
    }

    static String trailer(Metro2TrailerTotals totals) {
        FixedWidthRecord record = new FixedWidthRecord()
                .digits(TrailerField.RECORD_DESCRIPTOR_WORD, Integer.toString(RECORD_LENGTH))
                .alphanumeric(TrailerField.RECORD_IDENTIFIER, TRAILER_IDENTIFIER)
                .numeric(TrailerField.TOTAL_BASE_RECORDS, totals.totalBaseRecords())
                .numeric(TrailerField.BLOCK_COUNT, totals.blockCount())
                .numeric(TrailerField.TOTAL_ECOA_CODE_Z, totals.ecoaCodeZ())
                .numeric(TrailerField.TOTAL_SOCIAL_SECURITY_NUMBERS_ALL_SEGMENTS, totals.socialSecurityNumbers())
                .numeric(TrailerField.TOTAL_SOCIAL_SECURITY_NUMBERS_BASE_SEGMENTS, totals.socialSecurityNumbers())
                .numeric(TrailerField.TOTAL_DATES_OF_BIRTH_ALL_SEGMENTS, totals.datesOfBirth())
                .numeric(TrailerField.TOTAL_DATES_OF_BIRTH_BASE_SEGMENTS, totals.datesOfBirth())
                .numeric(TrailerField.TOTAL_TELEPHONE_NUMBERS_ALL_SEGMENTS, totals.telephoneNumbers());
        for (TrailerField field : TrailerField.values()) {
            if (field.statusCode() != null) {
                record.numeric(field, totals.statusCount(field.statusCode()));
            }
        }
        // Appendage counts (J1, J2, employment, original creditor, purchased to, mortgage, specialized payment,
        // change, and the J1/J2 SSN and DOB counts) are numeric: zero, since no appendages are written.
        for (TrailerField field : List.of(TrailerField.TOTAL_CONSUMER_SEGMENTS_J1,
                TrailerField.TOTAL_CONSUMER_SEGMENTS_J2, TrailerField.TOTAL_EMPLOYMENT_SEGMENTS,
                TrailerField.TOTAL_ORIGINAL_CREDITOR_SEGMENTS, TrailerField.TOTAL_PURCHASED_TO_SEGMENTS,
                TrailerField.TOTAL_MORTGAGE_INFORMATION_SEGMENTS,
                TrailerField.TOTAL_SPECIALIZED_PAYMENT_INFORMATION_SEGMENTS, TrailerField.TOTAL_CHANGE_SEGMENTS,
                TrailerField.TOTAL_SOCIAL_SECURITY_NUMBERS_J1_SEGMENTS,
                TrailerField.TOTAL_SOCIAL_SECURITY_NUMBERS_J2_SEGMENTS,
                TrailerField.TOTAL_DATES_OF_BIRTH_J1_SEGMENTS, TrailerField.TOTAL_DATES_OF_BIRTH_J2_SEGMENTS)) {
            record.numeric(field, 0);
        }
        return record.text();
    }
}
