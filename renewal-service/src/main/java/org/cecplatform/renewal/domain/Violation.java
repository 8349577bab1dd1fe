package org.cecplatform.renewal.domain;

/** One unmet requirement of a request: the field as the client named it, and what is wrong. */
public record Violation(String field, String message) {
}
