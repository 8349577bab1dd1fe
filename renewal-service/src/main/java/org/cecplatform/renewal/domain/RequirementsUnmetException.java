package org.cecplatform.renewal.domain;

import java.util.List;

/** A command broke the rules; {@code violations} lists every unmet requirement at once. Nothing was changed. */
public class RequirementsUnmetException extends RuntimeException {

    private final List<Violation> violations;

    public RequirementsUnmetException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
