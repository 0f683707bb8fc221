package com.overdue.collections.core.metro2;

/** Metro 2 Terms Frequency (field 12): how often payments are scheduled. */
public enum TermsFrequency {
    DEFERRED('D'),
    SINGLE_PAYMENT('P'),
    WEEKLY('W'),
    BIWEEKLY('B'),
    SEMIMONTHLY('E'),
    MONTHLY('M'),
    BIMONTHLY('L'),
    QUARTERLY('Q'),
    TRI_ANNUALLY('T'),
    SEMIANNUALLY('S'),
    ANNUALLY('Y');

    private final char code;

    TermsFrequency(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
