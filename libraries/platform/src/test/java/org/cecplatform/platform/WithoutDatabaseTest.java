package org.cecplatform.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.cecplatform.testsupport.http.ManagementEndpoints;
import org.junit.jupiter.api.Test;

/** A service whose database is unreachable still starts, stays alive, and reports not ready. */
@QuarkusTest
@TestProfile(WithoutDatabaseTest.UnreachableDatabase.class)
class WithoutDatabaseTest extends ManagementEndpoints {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 is never a PostgreSQL server: every connection attempt is refused at once.
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Test
    void startsAliveButNotReady() {
        given().when().get(live).then().statusCode(200);
        given().when().get(ready).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("database schema"));
    }
}
