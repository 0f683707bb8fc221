package com.overdue.collections.core.metro2;

/** Metro 2 Payment Rating (field 17B): how the account stood before it was paid or closed (status 13 here). */
public enum PaymentRating {
    CURRENT('0'),
    PAST_DUE_30_59('1'),
    PAST_DUE_60_89('2'),
    PAST_DUE_90_119('3'),
    PAST_DUE_120_149('4'),
    PAST_DUE_150_179('5'),
    PAST_DUE_180_PLUS('6'),
    COLLECTION('G'),
    CHARGE_OFF('L');

    private final char code;

    PaymentRating(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
