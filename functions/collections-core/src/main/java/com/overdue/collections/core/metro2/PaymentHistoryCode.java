package com.overdue.collections.core.metro2;

/** One month of the Metro 2 Payment History Profile (field 18); the set moov-io/metro2 accepts, less 'Z' and blank. */
public enum PaymentHistoryCode {
    CURRENT('0', "0-29 days past due"),
    PAST_DUE_30_59('1', "30-59 days past due"),
    PAST_DUE_60_89('2', "60-89 days past due"),
    PAST_DUE_90_119('3', "90-119 days past due"),
    PAST_DUE_120_149('4', "120-149 days past due"),
    PAST_DUE_150_179('5', "150-179 days past due"),
    PAST_DUE_180_PLUS('6', "180 days or more past due"),
    NO_HISTORY_PRIOR('B', "No payment history available prior to this time"),
    NO_HISTORY_THIS_MONTH('D', "No payment history available this month"),
    ZERO_BALANCE_CURRENT('E', "Zero balance and current account"),
    COLLECTION('G', "Collection"),
    FORECLOSURE_COMPLETED('H', "Foreclosure completed"),
    VOLUNTARY_SURRENDER('J', "Voluntary surrender"),
    REPOSSESSION('K', "Repossession"),
    CHARGE_OFF('L', "Charge-off");

    private final char code;
    private final String meaning;

    PaymentHistoryCode(char code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public char code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static PaymentHistoryCode fromCode(char code) {
        for (PaymentHistoryCode value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown Metro 2 payment history code: '" + code + "'");
    }
}
