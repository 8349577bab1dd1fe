package org.cecplatform.testsupport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service serves besides its API: health, metrics and the OpenAPI document, each where it belongs. A
 * service's {@code ServiceEndpointsTest} is a @QuarkusTest that extends this class.
 */
public abstract class ServiceEndpointChecks extends ManagementEndpoints {

    /** Texts the service's OpenAPI document must contain (paths, schema names); none by default. */
    protected List<String> documentedInOpenApi() {
        return List.of();
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        ValidatableResponse openApi = given().when().get("/q/openapi").then().statusCode(200);
        documentedInOpenApi().forEach(text -> openApi.body(containsString(text)));
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
