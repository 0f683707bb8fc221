package com.overdue.collections.core.bureau;

/**
 * When the borrower must be told before negative information about the account reaches a bureau (RULES §7),
 * per jurisdiction.
 */
public enum NoticeRule {
    /**
     * CN 征信业管理条例 Art. 15: notify in advance. An account whose first negative report is due is withheld for the
     * cycle in which the notice goes out and reported negative from the next cycle on.
     */
    BEFORE_REPORT,
    /**
     * US FCRA §623(a)(7): notice no later than 30 days after the first negative report. The notice goes out in the
     * same run as the report, so it is never later than the file.
     */
    NO_LATER_THAN_REPORT
}
