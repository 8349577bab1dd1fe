package org.cecplatform.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

/** Every endpoint of the service, every kind of caller, checked against the table in authorization-matrix.txt. */
@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        AuthorizationMatrix matrix = AuthorizationMatrix.fromResource("authorization-matrix.txt");
        assertThat(matrix.check()).isEmpty();
    }
}
