package org.cecplatform.platform.persistence;

import java.sql.SQLException;

/**
 * A statement that failed, with the first line of its SQL and the database's own exception as the cause. The one
 * exception type for a failed statement in every service; what kind of failure it was is
 * {@link DatabaseFailures}' to say.
 */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String sql, SQLException cause) {
        super("statement failed: " + sql.lines().findFirst().orElse(sql) + ": " + cause.getMessage(), cause);
    }

    /** A unique or primary key constraint refused the row (any constraint). */
    public boolean isUniqueViolation() {
        return DatabaseFailures.isUniqueViolation(this);
    }

    /** The named unique constraint (or its index) refused the row. */
    public boolean violates(String constraint) {
        return DatabaseFailures.violatesUnique(this, constraint);
    }
}
