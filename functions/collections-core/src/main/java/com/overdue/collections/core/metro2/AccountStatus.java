package com.overdue.collections.core.metro2;

/** Metro 2 Account Status (base segment field 17A) that this engine reports, with the code the bureaus read. */
public enum AccountStatus {
    /** 0–29 days past the due date: Metro 2 reports 1–29 DPD as current. */
    CURRENT("11", "Current account (0-29 days past the due date)"),
    PAST_DUE_30_59("71", "30-59 days past the due date"),
    PAST_DUE_60_89("78", "60-89 days past the due date"),
    PAST_DUE_90_119("80", "90-119 days past the due date"),
    PAST_DUE_120_149("82", "120-149 days past the due date"),
    PAST_DUE_150_179("83", "150-179 days past the due date"),
    PAST_DUE_180_PLUS("84", "180 days or more past the due date"),
    CHARGED_OFF("97", "Unpaid balance reported as a loss (charge-off)"),
    PAID_OR_CLOSED("13", "Paid or closed account, zero balance"),
    PAID_AFTER_CHARGE_OFF("64", "Account paid in full, was a charge-off");

    private final String code;
    private final String meaning;

    AccountStatus(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Metro 2 takes a Payment Rating only with statuses 05, 13, 65, 88, 89, 94 and 95 and wants it blank otherwise
     * (moov-io/metro2 rejects a rating on any other status); of ours that is 13 alone.
     */
    public boolean requiresPaymentRating() {
        return this == PAID_OR_CLOSED;
    }

    /** Statuses that carry a Date of First Delinquency: every past-due status and the two charge-off statuses. */
    public boolean isDerogatory() {
        return this != CURRENT && this != PAID_OR_CLOSED;
    }

    /** Statuses that report an Original Charge-off Amount. */
    public boolean isChargeOff() {
        return this == CHARGED_OFF || this == PAID_AFTER_CHARGE_OFF;
    }
}
