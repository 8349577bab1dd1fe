package org.cecplatform.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Before every {@code @QuarkusTest} method of every module with test-support on its test class path (registered in
 * {@code META-INF/services}): RestAssured's requests go through {@link ServedOpenApiFilter}, so every response a test
 * receives is checked against the service's served OpenAPI document. Once: the filter stays for the JVM.
 */
public class OpenApiResponseChecks implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ServedOpenApiFilter.class::isInstance)) {
            RestAssured.filters(new ServedOpenApiFilter());
        }
    }
}
