package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusJobTest {

    @Inject
    ServiceClock clock;
    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    private List<String> steps(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> steps = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode body = json.readTree(r.value());
            steps.add(body.get("from").asText() + "->" + body.get("to").asText() + "@" + body.get("effectiveOn")
                    .asText());
        }
        return steps;
    }

    @Test
    void theJobMovesStatusesAlongTheCalendarAndPublishesEachChangeOnceEvenWhenRunTwice() throws Exception {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        given().auth().oauth2(TestTokens.staff()).when().get("/api/v1/admin/jobs")
                .then().statusCode(200).body("jobs.name", hasItem("certification-status"));

        clock.set(newYork("2027-12-31T23:30"));
        Fixtures.runJob("certification-status").statusCode(200).body("summary", containsString("on 2027-12-31"));
        clock.set(newYork("2028-07-05T10:00"));
        Fixtures.runJob("certification-status").statusCode(200).body("summary", containsString("on 2028-07-05"));
        Fixtures.runJob("certification-status").statusCode(200);

        assertThat(Fixtures.published(person, EventTypes.CERTIFICATION_STATUS_CHANGED, 2)).hasSize(2);
        List<ConsumerRecord<String, String>> changes = Fixtures.allPublished(person, Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains("\"effectiveOn\"")).toList();
        assertThat(steps(changes)).containsExactly("ACTIVE->GRACE@2028-01-01", "GRACE->LAPSED@2028-07-01");

        clock.set(newYork("2031-01-01T00:30"));
        Fixtures.runJob("certification-status").statusCode(200);
        assertThat(steps(Fixtures.published(person, EventTypes.CERTIFICATION_STATUS_CHANGED, 3)))
                .containsExactly("ACTIVE->GRACE@2028-01-01", "GRACE->LAPSED@2028-07-01", "LAPSED->EXPIRED@2031-01-01");
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].status", org.hamcrest.Matchers.equalTo("EXPIRED"));
    }

    @Test
    void onlyStaffRunTheJob() {
        given().auth().oauth2(TestTokens.certificant("c-1")).when().post("/api/v1/admin/jobs/certification-status")
                .then().statusCode(403);
    }
}
