package org.cecplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the service, every kind of caller, checked against the table in the service's test resource
 * {@value #TABLE} (see {@link AuthorizationMatrix}). A service's {@code AuthorizationMatrixTest} is a @QuarkusTest
 * that extends this class.
 */
public abstract class AuthorizationMatrixChecks {

    public static final String TABLE = "authorization-matrix.txt";

    /** The service's table. */
    protected static AuthorizationMatrix matrix() {
        return AuthorizationMatrix.fromResource(TABLE);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        AuthorizationMatrix matrix = matrix();
        assertThat(matrix.endpointCount()).as("endpoints in " + TABLE).isPositive();
        assertThat(matrix.check()).isEmpty();
    }
}
