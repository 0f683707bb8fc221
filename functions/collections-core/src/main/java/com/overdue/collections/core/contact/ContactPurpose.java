package com.overdue.collections.core.contact;

/**
 * Why the borrower is contacted. A cease-communication request stops every purpose except a legally required
 * notice (12 CFR 1006.6(c)(2)); the other rules apply to all purposes alike.
 */
public enum ContactPurpose {
    /** An automated reminder round (RULES §5). */
    REMINDER,
    /** A collection call placed by an agent or a dialler (escalation). */
    COLLECTION_CALL,
    /** A notice the law requires, e.g. the notice before negative credit reporting (RULES §7). */
    LEGALLY_REQUIRED_NOTICE
}
