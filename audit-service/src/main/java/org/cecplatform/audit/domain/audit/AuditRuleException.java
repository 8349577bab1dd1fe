package org.cecplatform.audit.domain.audit;

import java.util.List;

/**
 * A command the audit refuses. {@link Kind#CONFLICT}: not possible in the audit's current state (e.g. a second
 * extension, a submission after the final decision). {@link Kind#INVALID}: the request breaks a rule; every
 * violation is listed with the field it concerns.
 */
public class AuditRuleException extends RuntimeException {

    public enum Kind {
        CONFLICT,
        INVALID
    }

    public record Violation(String field, String message) {
    }

    private final Kind kind;
    private final String slug;
    private final List<Violation> violations;

    private AuditRuleException(Kind kind, String slug, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.violations = List.copyOf(violations);
    }

    public static AuditRuleException conflict(String slug, String detail) {
        return new AuditRuleException(Kind.CONFLICT, slug, detail, List.of());
    }

    public static AuditRuleException invalid(String slug, String detail, List<Violation> violations) {
        return new AuditRuleException(Kind.INVALID, slug, detail, violations);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable name of the rule, used in the problem {@code type}. */
    public String slug() {
        return slug;
    }

    public List<Violation> violations() {
        return violations;
    }
}
