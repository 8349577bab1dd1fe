package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorizationMatrixTest {

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        AuthorizationMatrix matrix = AuthorizationMatrix.fromResource("authorization-matrix.txt");
        assertThat(matrix.check()).isEmpty();
        assertThat(matrix.endpointCount()).isEqualTo(9);
    }
}
