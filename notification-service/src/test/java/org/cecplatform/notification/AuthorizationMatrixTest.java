package org.cecplatform.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.AuthorizationMatrixChecks;

@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixChecks {
}
