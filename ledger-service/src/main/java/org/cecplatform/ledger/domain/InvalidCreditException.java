package org.cecplatform.ledger.domain;

import java.util.List;

/** A claimed credit (or a void) broke rules; nothing was recorded. */
public class InvalidCreditException extends RuntimeException {

    private final List<RuleViolation> violations;

    public InvalidCreditException(List<RuleViolation> violations) {
        super("the credit breaks " + violations.size() + " rule(s)");
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
