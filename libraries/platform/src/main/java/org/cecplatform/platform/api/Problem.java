package org.cecplatform.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}). {@code type} is stable per kind of problem;
 * {@code violations} lists every invalid field at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The namespace of the product's problem types, e.g. {@code urn:cec:problem:validation}. */
    public static final String TYPE_PREFIX = "urn:cec:problem:";

    public record Violation(String field, String message) {
    }
}
