package com.overdue.collections.core.metro2;

/**
 * Base segment layout, 426-byte character format (Credit Reporting Resource Guide; moov-io/metro2 v0.9.2
 * {@code baseSegmentCharacterFormat}, whose 0-based starts are these minus one).
 */
enum BaseSegmentField implements Metro2Field {
    RECORD_DESCRIPTOR_WORD(1, 4),
    PROCESSING_INDICATOR(5, 1),
    TIME_STAMP(6, 14),
    /** Formerly the Correction Indicator; zero-filled. */
    RESERVED_1(20, 1),
    IDENTIFICATION_NUMBER(21, 20),
    CYCLE_IDENTIFIER(41, 2),
    CONSUMER_ACCOUNT_NUMBER(43, 30),
    PORTFOLIO_TYPE(73, 1),
    ACCOUNT_TYPE(74, 2),
    DATE_OPENED(76, 8),
    CREDIT_LIMIT(84, 9),
    HIGHEST_CREDIT(93, 9),
    TERMS_DURATION(102, 3),
    TERMS_FREQUENCY(105, 1),
    SCHEDULED_MONTHLY_PAYMENT_AMOUNT(106, 9),
    ACTUAL_PAYMENT_AMOUNT(115, 9),
    ACCOUNT_STATUS(124, 2),
    PAYMENT_RATING(126, 1),
    PAYMENT_HISTORY_PROFILE(127, 24),
    SPECIAL_COMMENT(151, 2),
    COMPLIANCE_CONDITION_CODE(153, 2),
    CURRENT_BALANCE(155, 9),
    AMOUNT_PAST_DUE(164, 9),
    ORIGINAL_CHARGE_OFF_AMOUNT(173, 9),
    DATE_ACCOUNT_INFORMATION(182, 8),
    DATE_FIRST_DELINQUENCY(190, 8),
    DATE_CLOSED(198, 8),
    DATE_LAST_PAYMENT(206, 8),
    INTEREST_TYPE_INDICATOR(214, 1),
    RESERVED_2(215, 17),
    SURNAME(232, 25),
    FIRST_NAME(257, 20),
    MIDDLE_NAME(277, 20),
    GENERATION_CODE(297, 1),
    SOCIAL_SECURITY_NUMBER(298, 9),
    DATE_OF_BIRTH(307, 8),
    TELEPHONE_NUMBER(315, 10),
    ECOA_CODE(325, 1),
    CONSUMER_INFORMATION_INDICATOR(326, 2),
    COUNTRY_CODE(328, 2),
    FIRST_LINE_OF_ADDRESS(330, 32),
    SECOND_LINE_OF_ADDRESS(362, 32),
    CITY(394, 20),
    STATE(414, 2),
    POSTAL_ZIP_CODE(416, 9),
    ADDRESS_INDICATOR(425, 1),
    RESIDENCE_CODE(426, 1);

    private final int start;
    private final int length;

    BaseSegmentField(int start, int length) {
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
