package org.cecplatform.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.cecplatform.testsupport.http.ServiceEndpointChecks;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointChecks {
}
