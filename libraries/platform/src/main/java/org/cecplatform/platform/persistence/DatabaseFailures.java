package org.cecplatform.platform.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * What kind of failure a database call ended in, read from the SQLSTATEs in its causes: a passing outage (database or
 * broker unreachable, a serialization conflict), a value the database refused, a unique constraint. REST answers an
 * outage with 503 and Retry-After and consumers retry it instead of dead-lettering the message; the rest are the
 * callers' to decide.
 */
public final class DatabaseFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    /** SQLSTATE classes and codes that mean "try again": connection exceptions, shutdown, serialization, deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");

    private DatabaseFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            // Agroal reports an exhausted or unreachable pool with plain SQLExceptions carrying these messages.
            if (message.contains("Acquisition timeout") || message.contains("Connection refused")
                    || message.contains("This connection has been closed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database refused a value itself (SQLSTATE class 22, "data exception": a NUL character in text,
     * a string or number out of range): bad input that validation did not catch, never an outage.
     */
    public static boolean isUnstorableInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** True when a unique or primary key constraint refused a row, anywhere in the causes (and batch chains). */
    public static boolean isUniqueViolation(Throwable failure) {
        return uniqueViolation(failure) != null;
    }

    /** True when the unique constraint (or index) of that name refused a row. */
    public static boolean violatesUnique(Throwable failure, String constraint) {
        SQLException violation = uniqueViolation(failure);
        return violation != null && String.valueOf(violation.getMessage()).contains(constraint);
    }

    private static SQLException uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                // A batch reports the statement that failed as the next exception of the batch's own.
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return next;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }
}
