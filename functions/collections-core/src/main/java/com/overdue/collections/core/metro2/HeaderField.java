package com.overdue.collections.core.metro2;

/**
 * Header record layout, 426-byte character format (Credit Reporting Resource Guide; moov-io/metro2 v0.9.2
 * {@code headerRecordCharacterFormat}, whose 0-based starts are these minus one).
 */
enum HeaderField implements Metro2Field {
    RECORD_DESCRIPTOR_WORD(1, 4),
    RECORD_IDENTIFIER(5, 6),
    CYCLE_IDENTIFIER(11, 2),
    /** Left blank: moov-io/metro2 guesses "variable-length record" when position 18 holds '0'. */
    INNOVIS_PROGRAM_IDENTIFIER(13, 10),
    EQUIFAX_PROGRAM_IDENTIFIER(23, 10),
    EXPERIAN_PROGRAM_IDENTIFIER(33, 5),
    TRANSUNION_PROGRAM_IDENTIFIER(38, 10),
    ACTIVITY_DATE(48, 8),
    DATE_CREATED(56, 8),
    PROGRAM_DATE(64, 8),
    PROGRAM_REVISION_DATE(72, 8),
    REPORTER_NAME(80, 40),
    REPORTER_ADDRESS(120, 96),
    REPORTER_TELEPHONE_NUMBER(216, 10),
    SOFTWARE_VENDOR_NAME(226, 40),
    SOFTWARE_VERSION_NUMBER(266, 5),
    PRBC_PROGRAM_IDENTIFIER(271, 10),
    RESERVED(281, 146);

    private final int start;
    private final int length;

    HeaderField(int start, int length) {
        this.start = start;
        this.length = length;
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int length() {
        return length;
    }
}
