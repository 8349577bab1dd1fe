package org.cecplatform.platform.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a request before answering, so the client hears all of them at once. */
public final class Violations {

    private final List<Problem.Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Problem.Violation(field, message));
        return this;
    }

    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem.Violation> list() {
        return List.copyOf(found);
    }

    /** Throws a 422 listing every violation, if there is any. */
    public void throwIfAny(String detail) {
        if (!found.isEmpty()) {
            throw ProblemException.invalid(detail, found);
        }
    }
}
