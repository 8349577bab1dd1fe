package org.cecplatform.platform.api;

import java.util.List;

/**
 * A request that cannot be done, with the problem to tell the client. Thrown before anything changes (or inside the
 * transaction, which rolls it back), so bad input changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String typeSlug, String title, String detail,
                            List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String typeSlug, String detail) {
        return new ProblemException(409, typeSlug, "Conflict", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** 422: the request was understood but breaks the rules; lists every violation. */
    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(422, "validation", "Invalid request", detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(new Problem.Violation(field, message)));
    }

    /** 422 for a business rule (not a field's shape): {@code typeSlug} names the rule. */
    public static ProblemException rule(String typeSlug, String title, String detail,
                                        List<Problem.Violation> violations) {
        return new ProblemException(422, typeSlug, title, detail, violations);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + typeSlug, title, status, getMessage(), instance, violations);
    }
}
