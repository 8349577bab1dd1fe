package org.cecplatform.platform.api;

/**
 * The paging rule of every list: {@code page} from 0, {@code size} from 1 to 500 (default 50). Out of range or not
 * a whole number is a violation naming the parameter (422).
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Reads the query parameters, adding any violation to {@code violations} (then answering with the defaults). */
    public static Paging of(String page, String size, Violations violations) {
        Integer p = wholeNumber(page, 0, "page", violations);
        Integer s = wholeNumber(size, DEFAULT_SIZE, "size", violations);
        if (p != null && p < 0) {
            violations.add("page", "must be 0 or more");
        }
        if (s != null && (s < 1 || s > MAX_SIZE)) {
            violations.add("size", "must be from 1 to " + MAX_SIZE);
        }
        boolean valid = p != null && p >= 0 && s != null && s >= 1 && s <= MAX_SIZE;
        return valid ? new Paging(p, s) : new Paging(0, DEFAULT_SIZE);
    }

    /** Reads the query parameters; 422 at once when they are out of range. */
    public static Paging of(String page, String size) {
        Violations violations = new Violations();
        Paging paging = of(page, size, violations);
        violations.throwIfAny("The paging parameters are out of range.");
        return paging;
    }

    /** A whole-number query parameter: {@code fallback} when absent, null (and a violation) when not a number. */
    public static Integer wholeNumber(String value, Integer fallback, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            violations.add(field, "must be a whole number");
            return null;
        }
    }

    public int offset() {
        return page * size;
    }
}
