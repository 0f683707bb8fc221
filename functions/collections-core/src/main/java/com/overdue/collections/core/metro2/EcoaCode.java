package com.overdue.collections.core.metro2;

/** Metro 2 ECOA Code (field 37): the consumer's relationship to the account. */
public enum EcoaCode {
    INDIVIDUAL('1'),
    JOINT_CONTRACTUAL_LIABILITY('2'),
    AUTHORIZED_USER('3'),
    CO_MAKER('5'),
    MAKER('7'),
    ASSOCIATION_TERMINATED('T'),
    DECEASED('X'),
    BUSINESS_OR_COMMERCIAL('W'),
    DELETE_CONSUMER('Z');

    private final char code;

    EcoaCode(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /**
     * moov-io/metro2 lets Social Security Number and Date of Birth both be empty only for ECOA codes 2 and 5; every
     * other account needs at least one of them.
     */
    public boolean mayOmitSocialSecurityNumberAndDateOfBirth() {
        return this == JOINT_CONTRACTUAL_LIABILITY || this == CO_MAKER;
    }
}
