package com.overdue.collections.core.metro2;

import java.util.Set;

/**
 * The code lists of the Credit Reporting Resource Guide that the writer checks, as moov-io/metro2 v0.9.2 has them;
 * public so that configuration (a product's Account Type) can be refused at start-up rather than account by account.
 */
public final class Metro2Codes {

    /** Account Type codes of the Credit Reporting Resource Guide, as moov-io/metro2 v0.9.2 accepts them. */
    static final Set<String> ACCOUNT_TYPES = Set.of(
            "00", "01", "02", "03", "04", "05", "06", "07", "08", "0A", "0C", "0F", "0G", "10", "11", "12", "13",
            "15", "17", "18", "19", "20", "25", "26", "29", "2A", "2C", "37", "3A", "43", "47", "48", "4D", "50",
            "5A", "5B", "65", "66", "67", "68", "69", "6A", "6B", "6D", "70", "71", "72", "73", "74", "75", "77",
            "7A", "7B", "89", "8A", "8B", "90", "91", "92", "93", "95", "9A", "9B");

    /** Special Comment codes, as moov-io/metro2 v0.9.2 accepts them; blank means none. */
    static final Set<String> SPECIAL_COMMENTS = Set.of(
            "", "B", "C", "H", "I", "M", "O", "S", "V", "AB", "AC", "AH", "AI", "AM", "AN", "AO", "AP", "AS", "AT",
            "AU", "AV", "AW", "AX", "AZ", "BA", "BB", "BC", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BK", "BL",
            "BN", "BO", "BP", "BS", "BT", "CH", "CI", "CJ", "CK", "CL", "CM", "CN", "CO", "CP", "CS", "DE");

    private Metro2Codes() {
    }

    public static boolean isAccountType(String code) {
        return ACCOUNT_TYPES.contains(code);
    }

    /** Blank (no comment) counts as valid. */
    public static boolean isSpecialComment(String code) {
        return SPECIAL_COMMENTS.contains(code);
    }
}
