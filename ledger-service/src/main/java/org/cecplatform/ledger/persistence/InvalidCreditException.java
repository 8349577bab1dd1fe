package org.cecplatform.ledger.persistence;

import java.util.List;
import org.cecplatform.ledger.domain.RuleViolation;

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
