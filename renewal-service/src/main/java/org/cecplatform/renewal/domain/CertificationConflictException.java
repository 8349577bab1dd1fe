package org.cecplatform.renewal.domain;

/** A command conflicts with what the record holds (e.g. granting a credential the person already holds). */
public class CertificationConflictException extends RuntimeException {

    private final String slug;

    public CertificationConflictException(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    /** A stable name of the conflict, for the problem type. */
    public String slug() {
        return slug;
    }
}
