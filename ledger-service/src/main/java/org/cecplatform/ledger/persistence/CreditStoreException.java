package org.cecplatform.ledger.persistence;

import java.sql.SQLException;

/** A write to the credit tables failed; keeps the SQL state so a uniqueness race can be told from a defect. */
public class CreditStoreException extends RuntimeException {

    private static final String UNIQUE_VIOLATION = "23505";

    public CreditStoreException(String message, SQLException cause) {
        super(message, cause);
    }

    public boolean isUniqueViolation() {
        for (SQLException next = (SQLException) getCause(); next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
