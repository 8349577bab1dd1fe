package org.cecplatform.platform.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a passing outage (database or broker unreachable, a serialization conflict) from a defect or a bad input.
 * REST answers the first with 503 and Retry-After; consumers retry it instead of dead-lettering the message.
 */
public final class Failures {

    /** SQLSTATE classes and codes that mean "try again": connection exceptions, shutdown, serialization, deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01", "53300");

    private Failures() {
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

    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }
}
