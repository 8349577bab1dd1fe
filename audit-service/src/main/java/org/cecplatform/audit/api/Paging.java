package org.cecplatform.audit.api;

import org.cecplatform.platform.api.Violations;

/** {@code page} from 0, {@code size} 1..500 (default 50); out of range is 422. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static Paging of(String page, String size, Violations violations) {
        Integer p = parse(page, 0, "page", violations);
        Integer s = parse(size, DEFAULT_SIZE, "size", violations);
        if (p != null && p < 0) {
            violations.add("page", "must be 0 or more");
        }
        if (s != null && (s < 1 || s > MAX_SIZE)) {
            violations.add("size", "must be from 1 to " + MAX_SIZE);
        }
        return new Paging(p == null ? 0 : p, s == null ? DEFAULT_SIZE : s);
    }

    static Integer parse(String value, Integer fallback, String field, Violations violations) {
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
}
