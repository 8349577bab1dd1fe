package org.cecplatform.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.Fixtures.dec;
import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.testsupport.TestClock;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@QuarkusTest
class CertificationApiTest {

    @RegisterExtension
    final TestClock clock = new TestClock();

    @Test
    void staffGrantACertificationAndItIsPublishedAsCertificationGranted() {
        clock.set(newYork("2024-05-10T10:00"));
        String person = newPerson();

        String id = grant(person, "CPT", "2024-05-10").statusCode(201)
                .header("Location", containsString("/api/v1/certificants/" + person + "/certifications"))
                .body("certificantId", equalTo(person))
                .body("credential", equalTo("CPT"))
                .body("credentialName", equalTo("Certified Personal Trainer"))
                .body("status", equalTo("ACTIVE"))
                .body("certifiedOn", equalTo("2024-05-10"))
                .body("cycleStart", equalTo("2024-05-10"))
                .body("cycleEnd", equalTo("2027-12-31"))
                .body("cecsRequired", decimal("45.0"))
                .body("renewable", equalTo(false))
                .body("reasons[0]", containsString("opens on 2027-01-01"))
                .extract().path("certificationId");

        List<ConsumerRecord<String, String>> granted = Fixtures.published(person, EventTypes.CERTIFICATION_GRANTED, 1);
        assertThat(granted).hasSize(1);
        assertThat(TestKafka.header(granted.get(0), CloudEventHeaders.SUBJECT)).isEqualTo(person);
        assertThat(TestKafka.header(granted.get(0), CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/renewal-service");
        assertThat(granted.get(0).value()).contains("\"certificationId\":\"" + id + "\"")
                .contains("\"cycleEnd\":\"2027-12-31\"").contains("\"grantedBy\":\"staff-1\"");
    }

    @Test
    void aGrantWithoutADateAt2330NewYorkOn31DecemberIsCertifiedOn31December() {
        clock.set(newYork("2024-12-31T23:30")); // 2025-01-01T04:30Z
        String person = newPerson();

        grant(person, "GEI", null).statusCode(201)
                .body("certifiedOn", equalTo("2024-12-31"))
                .body("cycleEnd", equalTo("2027-12-31"));
    }

    @Test
    void grantingACredentialThePersonHoldsIs409() {
        clock.set(newYork("2025-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2025-03-01").statusCode(201);

        grant(person, "cpt", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:credential-held"))
                .body("detail", containsString("already holds CPT"));
        grant(person, "GEI", null).statusCode(201);
    }

    @Test
    void aGrantWithSeveralProblemsIs422ListingEachAndChangesNothing() {
        clock.set(newYork("2025-03-01T10:00"));
        String person = newPerson();

        grant(person, "XYZ", "2025-03-02").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cec:problem:requirements-unmet"))
                .body("violations.field", contains("credential", "certifiedOn"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body(Map.of("credential", "CPT"))
                .when().post("/api/v1/certifications")
                .then().statusCode(422).body("violations.field", contains("certificantId"));
        given().auth().oauth2(TestTokens.staff()).contentType(ContentType.JSON)
                .body("{\"certificantId\":\"" + person + "\",\"credential\":\"CPT\",\"certifiedOn\":\"yesterday\"}")
                .when().post("/api/v1/certifications")
                .then().statusCode(422).body("violations[0].field", equalTo("certifiedOn"));

        Fixtures.certifications(person).statusCode(200).body("certifications", empty());
    }

    @Test
    void onlyStaffGrant() {
        String person = newPerson();
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body(Map.of("certificantId", person, "credential", "CPT"))
                .when().post("/api/v1/certifications")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("certificantId", person, "credential", "CPT"))
                .when().post("/api/v1/certifications")
                .then().statusCode(401);
    }

    @Test
    void aCertificantSeesTheirOwnCertificationsAndNobodyElses() {
        clock.set(newYork("2027-12-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/certifications")
                .then().statusCode(200)
                .body("certificantId", equalTo(person))
                .body("asOf", equalTo("2027-12-01"))
                .body("certifications", hasSize(1))
                .body("certifications[0].certificationId", notNullValue())
                .body("certifications[0].status", equalTo("ACTIVE"))
                .body("certifications[0].cecsTracked", decimal("0.0"))
                .body("certifications[0].cecsRemaining", decimal("45.0"))
                .body("certifications[0].daysLeft", decimal("30"))
                .body("certifications[0].deadline", equalTo("2027-12-31"))
                .body("certifications[0].renewable", equalTo(true))
                .body("certifications[0].renewalKind", equalTo("RENEWAL"))
                .body("certifications[0].reasons", empty())
                .body("certifications[0].cycles[0].origin", equalTo("GRANT"));
        given().auth().oauth2(TestTokens.auditor())
                .when().get("/api/v1/certificants/" + person + "/certifications")
                .then().statusCode(200).body("certifications", hasSize(1));
        given().auth().oauth2(TestTokens.certificant("someone-else"))
                .when().get("/api/v1/certificants/" + person + "/certifications")
                .then().statusCode(403).body("type", equalTo("urn:cec:problem:forbidden"));
        given().when().get("/api/v1/certificants/" + person + "/certifications").then().statusCode(401);
    }

    @Test
    void theStatusShownFollowsTheClockEvenBeforeTheJobRuns() {
        clock.set(newYork("2027-06-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        clock.set(newYork("2028-07-01T00:30"));

        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].status", equalTo("LAPSED"))
                .body("certifications[0].renewalKind", equalTo("REINSTATEMENT"))
                .body("certifications[0].deadline", equalTo("2030-12-31"));
    }

    @Test
    void aQuoteItemisesTheFeeForTheHighestCredentialPlusFiveForEachOther() {
        clock.set(newYork("2027-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        grant(person, "GEI", "2024-08-10").statusCode(201);

        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=GEI,CPT")
                .then().statusCode(200)
                .body("credentials", contains("CPT", "GEI"))
                .body("kind", equalTo("RENEWAL"))
                .body("level", equalTo("CPT"))
                .body("cecsRequired", decimal("45.0"))
                .body("fee.items.description", contains("Renewal fee, CPT (Certified Personal Trainer)",
                        "Additional credential, GEI (Certified Group Exercise Instructor)"))
                .body("fee.items.amount", contains(decimal("60.00"), decimal("5.00")))
                .body("fee.total", decimal("65.00"))
                .body("fee.currency", equalTo("USD"))
                .body("cycleStart", equalTo("2028-01-01"))
                .body("cycleEnd", equalTo("2030-12-31"));
    }

    @Test
    void aQuoteInGraceAddsTheLateFeeAndWhenLapsedIsTheReinstatementFee() {
        clock.set(newYork("2028-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        given().auth().oauth2(TestTokens.staff())
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=CPT")
                .then().statusCode(200).body("kind", equalTo("LATE_RENEWAL"))
                .body("fee.total", decimal("140.00"));

        clock.set(newYork("2029-05-10T10:00"));
        given().auth().oauth2(TestTokens.staff())
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=CPT")
                .then().statusCode(200).body("kind", equalTo("REINSTATEMENT"))
                .body("fee.items", hasSize(1))
                .body("fee.total", decimal("165.00"))
                .body("cycleStart", equalTo("2029-05-10"))
                .body("cycleEnd", equalTo("2032-12-31"));
    }

    @Test
    void aQuoteForCredentialsThatCannotBeRenewedNowIs422NamingEach() {
        clock.set(newYork("2026-03-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);

        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=CPT,XYZ,GEI")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("credentials[0]", "credentials[1]", "credentials[2]"))
                .body("violations[0].message", containsString("opens on 2027-01-01"))
                .body("violations[2].message", equalTo("you hold no GEI certification"));
        given().auth().oauth2(TestTokens.certificant(person))
                .when().get("/api/v1/certificants/" + person + "/renewal-quote")
                .then().statusCode(422).body("violations[0].field", equalTo("credentials"));
        given().auth().oauth2(TestTokens.certificant("someone-else"))
                .when().get("/api/v1/certificants/" + person + "/renewal-quote?credentials=CPT")
                .then().statusCode(403);
    }

    @Test
    void anExpiredCertificationShowsWhyAndANewExamGrantsTheCredentialAgain() {
        clock.set(newYork("2021-02-01T10:00"));
        String person = newPerson();
        grant(person, "CET", "2021-02-01").statusCode(201);

        clock.set(newYork("2028-01-02T10:00")); // cycle ended 2024-12-31, reinstatable until 2027-12-31
        Fixtures.certifications(person).statusCode(200)
                .body("certifications[0].status", equalTo("EXPIRED"))
                .body("certifications[0].renewable", equalTo(false))
                .body("certifications[0].deadline", nullValue())
                .body("certifications[0].reasons[0]", containsString("only a new certification exam restores it"));

        grant(person, "CET", null).statusCode(201).body("certifiedOn", equalTo("2028-01-02"));
        Fixtures.certifications(person).statusCode(200)
                .body("certifications.status", contains("EXPIRED", "ACTIVE"));
    }
}
