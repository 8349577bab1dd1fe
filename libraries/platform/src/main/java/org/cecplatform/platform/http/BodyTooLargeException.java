package org.cecplatform.platform.http;

import java.util.List;
import org.cecplatform.platform.api.ProblemException;

/** A body over its route's limit: 413, nothing read further and nothing changed. */
public class BodyTooLargeException extends ProblemException {

    public static final String TYPE_SLUG = "body-too-large";

    public BodyTooLargeException(long maxBytes) {
        super(413, TYPE_SLUG, "Payload too large", detail(maxBytes), List.of());
    }

    static String detail(long maxBytes) {
        return "The request body is larger than the " + maxBytes + " bytes this route accepts; nothing was changed.";
    }
}
