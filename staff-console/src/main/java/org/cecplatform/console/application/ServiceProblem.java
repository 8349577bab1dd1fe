package org.cecplatform.console.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service refused a request (4xx with an RFC 9457 problem body): the page shows {@link #detail()} and each
 * violation next to the field it names.
 */
public class ServiceProblem extends RuntimeException {

    /** One refused field, as the service named it. */
    public record Violation(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<Violation> violations;

    public ServiceProblem(int status, String title, String detail, List<Violation> violations) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The detail, else the title: what a person reads above the form. */
    public String detail() {
        return detail == null || detail.isBlank() ? title : detail;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The messages per field name (several joined), for the template to look up. */
    public Map<String, String> byField() {
        return violations.stream().collect(Collectors.toMap(Violation::field, Violation::message, (a, b) -> a + "; " + b));
    }
}
