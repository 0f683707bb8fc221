package com.overdue.collections.core.metro2;

/** Metro 2 Compliance Condition Code (field 20) for a consumer dispute under the FCRA (RULES §7). */
public enum ComplianceConditionCode {
    /** No condition reported: the field is blank. */
    NONE(""),
    /** Account information disputed by the consumer; investigation open. */
    XB("XB"),
    /** Investigation completed, the consumer disagrees with the result. */
    XC("XC"),
    /** Account previously in dispute; the furnisher has completed its investigation. */
    XH("XH");

    private final String code;

    ComplianceConditionCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
