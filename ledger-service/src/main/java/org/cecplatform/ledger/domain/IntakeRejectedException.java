package org.cecplatform.ledger.domain;

import java.util.List;

/** An integration message that can never become a credit; the reasons name every problem found. */
public class IntakeRejectedException extends RuntimeException {

    private final List<String> reasons;

    public IntakeRejectedException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
