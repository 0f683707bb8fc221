package com.overdue.collections.core.metro2;

/** A field of a 426-byte Metro 2 character-format record: 1-based start position and width, as the layouts give. */
interface Metro2Field {

    int start();

    int length();
}
