package com.overdue.collections.core.delinquency;

/** How serious a loan's delinquency is (seeds: 轻度 / 中度 / 重度), from its days past due. */
public enum Severity {
    CURRENT, MILD, MODERATE, SEVERE
}
