package org.cecplatform.renewal;

import static org.cecplatform.renewal.Fixtures.decimal;
import static org.cecplatform.renewal.Fixtures.grant;
import static org.cecplatform.renewal.Fixtures.newPerson;
import static org.cecplatform.renewal.Fixtures.newYork;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.cecplatform.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A past day is answered with the policy in force on that day: under a policy whose second version raises CPT from
 * 45 to 50 CECs on 1 July 2027, the view as of 30 June requires 45 and as of 1 July 50.
 */
@QuarkusTest
@TestProfile(CertificationsAsOfPolicyVersionsTest.CptRaisedInJuly2027.class)
class CertificationsAsOfPolicyVersionsTest {

    /** The shipped policy plus a version from 2027-07-01 (src/test/resources/policy/cpt-raised-2027-07.yaml). */
    public static class CptRaisedInJuly2027 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cec.policy.file",
                    Path.of("src/test/resources/policy/cpt-raised-2027-07.yaml").toAbsolutePath().toString());
        }
    }

    @RegisterExtension
    final TestClock clock = new TestClock();

    @Test
    void theRequirementIsTheOneInForceOnTheDayAskedAbout() {
        clock.set(newYork("2027-05-01T10:00"));
        String person = newPerson();
        grant(person, "CPT", "2024-05-10").statusCode(201);
        clock.set(newYork("2027-08-01T10:00"));

        Fixtures.certifications(person).statusCode(200).body("certifications[0].cecsRequired", decimal("50.0"));
        CertificationsAsOfApiTest.asOf(person, "2027-06-30").statusCode(200)
                .body("certifications[0].cecsRequired", decimal("45.0"))
                .body("certifications[0].cecsRemaining", decimal("45.0"));
        CertificationsAsOfApiTest.asOf(person, "2027-07-01").statusCode(200)
                .body("certifications[0].cecsRequired", decimal("50.0"))
                .body("certifications[0].cecsRemaining", decimal("50.0"));
    }
}
