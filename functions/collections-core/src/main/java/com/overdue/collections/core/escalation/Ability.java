package com.overdue.collections.core.escalation;

/** The ability assessment of a borrower (RULES §6), from contact outcomes and payment behaviour. */
public enum Ability { WILLING_BUT_UNABLE, ABLE_BUT_UNWILLING, UNREACHABLE, UNKNOWN }
