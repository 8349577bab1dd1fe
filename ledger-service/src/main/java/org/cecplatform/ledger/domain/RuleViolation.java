package org.cecplatform.ledger.domain;

/** One broken rule of a claimed credit, named by the request field it is about. */
public record RuleViolation(String field, String message) {
}
