package org.cecplatform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.audits;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.platform.time.ServiceClock;
import org.cecplatform.testsupport.TestTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Version 2 of CertificationRenewed and CertificationReinstated (version 1 and a receipt) travels on cec.renewals.v1
 * next to version 1; the audit pool takes it as it takes version 1.
 */
@QuarkusTest
class RenewalEventsV2Test {

    @Inject
    ServiceClock clock;

    @BeforeEach
    void march2027() {
        clock.set(ny("2027-03-01T12:00"));
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void aVersion2RenewalAndReinstatementEnterThePoolLikeVersion1() {
        String person = person();
        CertificationRenewedV1 renewal = Fixtures.renewal(person, "CPT", LocalDate.of(2027, 2, 20));
        CertificationReinstatedV1 reinstatement = Fixtures.reinstatement(person, "CPT", LocalDate.of(2027, 2, 25));

        Fixtures.send(Topics.RENEWALS, EventTypes.CERTIFICATION_RENEWED_V2, person, withReceipt(renewal));
        Fixtures.send(Topics.RENEWALS, EventTypes.CERTIFICATION_REINSTATED_V2, person, withReceipt(reinstatement));

        awaitAudit(person, 2); // CPT is sampled at 100 % in the tests
        assertThat(audits(person).jsonPath().getList("audits.renewalId", String.class)).containsExactlyInAnyOrder(
                renewal.renewalId().toString(), reinstatement.renewalId().toString());
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", renewal.renewalId())
                .then().statusCode(200)
                .body("certificantId", Matchers.equalTo(person))
                .body("credential", Matchers.equalTo("CPT"))
                .body("selected", Matchers.equalTo(true))
                .body("reproduced", Matchers.equalTo(true));
        given().auth().oauth2(TestTokens.staff()).get("/api/v1/sampling/renewals/{id}", reinstatement.renewalId())
                .then().statusCode(200).body("reproduced", Matchers.equalTo(true));
    }

    /** Version 2's body: every field of version 1 and the payment receipt. */
    private static ObjectNode withReceipt(Object v1) {
        ObjectNode body = Fixtures.JSON.valueToTree(v1);
        ObjectNode receipt = body.putObject("receipt");
        receipt.put("receiptId", "rcpt-" + person());
        receipt.put("amount", 60);
        receipt.put("currency", "USD");
        receipt.put("paidAt", "2027-02-20T15:00:00Z");
        return body;
    }
}
