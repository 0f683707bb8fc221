package com.overdue.collections.core.metro2;

/** Metro 2 Portfolio Type (field 8). */
public enum PortfolioType {
    LINE_OF_CREDIT('C'),
    INSTALLMENT('I'),
    MORTGAGE('M'),
    OPEN('O'),
    REVOLVING('R');

    private final char code;

    PortfolioType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }
}
