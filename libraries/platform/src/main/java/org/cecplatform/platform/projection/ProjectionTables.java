package org.cecplatform.platform.projection;

/**
 * Which copy of a projection's tables to write: the live tables, or their shadow copies during a rebuild. Projection
 * SQL names its tables through {@link #of}.
 */
public enum ProjectionTables {

    LIVE(""), SHADOW("_shadow");

    private final String suffix;

    ProjectionTables(String suffix) {
        this.suffix = suffix;
    }

    /** The name of {@code liveTable}'s copy: the table itself, or {@code <table>_shadow}. */
    public String of(String liveTable) {
        return liveTable + suffix;
    }
}
