package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.AuthorizationMatrixChecks;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixChecks {

    /** The platform's own endpoints and its test fixture's, all in the table. */
    @Test
    void theTableCoversEveryEndpoint() {
        assertThat(matrix().endpointCount()).isEqualTo(12);
    }
}
