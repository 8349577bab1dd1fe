package org.cecplatform.ledger.domain;

import java.util.List;
import java.util.Optional;

/** The letter grades a college transcript shows. Which of them pass is policy ({@link LedgerPolicy#passingGrades}). */
public final class Grade {

    /** Every grade the ledger understands, best first. */
    public static final List<String> KNOWN = List.of(
            "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F", "P", "W", "I");

    private Grade() {
    }

    /** The grade in its canonical spelling (trimmed, upper case), or empty when it is not a known grade. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String canonical = text.trim().toUpperCase(java.util.Locale.ROOT);
        return KNOWN.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }
}
