package org.cecplatform.renewal.api;

import org.cecplatform.platform.api.Violations;

/** {@code page} from 0 and {@code size} 1..500 (default 50); anything else is 422 naming the parameter. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static Paging of(String page, String size) {
        Violations violations = new Violations();
        Integer p = parse(page, 0);
        Integer s = parse(size, DEFAULT_SIZE);
        violations.check(p != null && p >= 0, "page", "must be a whole number from 0");
        violations.check(s != null && s >= 1 && s <= MAX_SIZE, "size", "must be a whole number from 1 to " + MAX_SIZE);
        violations.throwIfAny("The paging parameters are out of range.");
        return new Paging(p, s);
    }

    private static Integer parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
