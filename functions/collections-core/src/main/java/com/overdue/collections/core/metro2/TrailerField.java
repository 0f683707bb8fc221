package com.overdue.collections.core.metro2;

/**
 * Trailer record layout, 426-byte character format (Credit Reporting Resource Guide; moov-io/metro2 v0.9.2
 * {@code trailerRecordCharacterFormat}, whose 0-based starts are these minus one). Status-count fields know the
 * Account Status code they count.
 */
enum TrailerField implements Metro2Field {
    RECORD_DESCRIPTOR_WORD(1, 4),
    RECORD_IDENTIFIER(5, 7),
    TOTAL_BASE_RECORDS(12, 9),
    RESERVED_1(21, 9),
    TOTAL_STATUS_CODE_DF(30, 9, "DF"),
    TOTAL_CONSUMER_SEGMENTS_J1(39, 9),
    TOTAL_CONSUMER_SEGMENTS_J2(48, 9),
    BLOCK_COUNT(57, 9),
    TOTAL_STATUS_CODE_DA(66, 9, "DA"),
    TOTAL_STATUS_CODE_05(75, 9, "05"),
    TOTAL_STATUS_CODE_11(84, 9, "11"),
    TOTAL_STATUS_CODE_13(93, 9, "13"),
    TOTAL_STATUS_CODE_61(102, 9, "61"),
    TOTAL_STATUS_CODE_62(111, 9, "62"),
    TOTAL_STATUS_CODE_63(120, 9, "63"),
    TOTAL_STATUS_CODE_64(129, 9, "64"),
    TOTAL_STATUS_CODE_65(138, 9, "65"),
    TOTAL_STATUS_CODE_71(147, 9, "71"),
    TOTAL_STATUS_CODE_78(156, 9, "78"),
    TOTAL_STATUS_CODE_80(165, 9, "80"),
    TOTAL_STATUS_CODE_82(174, 9, "82"),
    TOTAL_STATUS_CODE_83(183, 9, "83"),
    TOTAL_STATUS_CODE_84(192, 9, "84"),
    TOTAL_STATUS_CODE_88(201, 9, "88"),
    TOTAL_STATUS_CODE_89(210, 9, "89"),
    TOTAL_STATUS_CODE_93(219, 9, "93"),
    TOTAL_STATUS_CODE_94(228, 9, "94"),
    TOTAL_STATUS_CODE_95(237, 9, "95"),
    TOTAL_STATUS_CODE_96(246, 9, "96"),
    TOTAL_STATUS_CODE_97(255, 9, "97"),
    TOTAL_ECOA_CODE_Z(264, 9),
    TOTAL_EMPLOYMENT_SEGMENTS(273, 9),
    TOTAL_ORIGINAL_CREDITOR_SEGMENTS(282, 9),
    TOTAL_PURCHASED_TO_SEGMENTS(291, 9),
    TOTAL_MORTGAGE_INFORMATION_SEGMENTS(300, 9),
    TOTAL_SPECIALIZED_PAYMENT_INFORMATION_SEGMENTS(309, 9),
    TOTAL_CHANGE_SEGMENTS(318, 9),
    TOTAL_SOCIAL_SECURITY_NUMBERS_ALL_SEGMENTS(327, 9),
    TOTAL_SOCIAL_SECURITY_NUMBERS_BASE_SEGMENTS(336, 9),
    TOTAL_SOCIAL_SECURITY_NUMBERS_J1_SEGMENTS(345, 9),
    TOTAL_SOCIAL_SECURITY_NUMBERS_J2_SEGMENTS(354, 9),
    TOTAL_DATES_OF_BIRTH_ALL_SEGMENTS(363, 9),
    TOTAL_DATES_OF_BIRTH_BASE_SEGMENTS(372, 9),
    TOTAL_DATES_OF_BIRTH_J1_SEGMENTS(381, 9),
    TOTAL_DATES_OF_BIRTH_J2_SEGMENTS(390, 9),
    TOTAL_TELEPHONE_NUMBERS_ALL_SEGMENTS(399, 9),
    RESERVED_2(408, 19);

    private final int start;
    private final int length;
    private final String statusCode;

    TrailerField(int start, int length) {
        this(start, length, null);
    }

    TrailerField(int start, int length, String statusCode) {
        this.start = start;
        this.length = length;
        this.statusCode = statusCode;
    }

    @Override
    public int start() {
        return start;
    }

    @Override
    public int length() {
        return length;
    }

    /** The Account Status code this field counts, or null when it is not a status count. */
    String statusCode() {
        return statusCode;
    }
}
