package org.cecplatform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.notification.Fixtures.awaitNotices;
import static org.cecplatform.notification.Fixtures.emailOf;
import static org.cecplatform.notification.Fixtures.mailTo;
import static org.cecplatform.notification.Fixtures.notices;
import static org.cecplatform.notification.Fixtures.person;
import static org.cecplatform.notification.Fixtures.runSender;
import static org.cecplatform.notification.Fixtures.send;
import static org.cecplatform.notification.Fixtures.setContact;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.junit.jupiter.api.Test;

/**
 * With the production-like wait for an address (15 minutes, where the other tests use none): a notice for a person
 * without an address waits, is not looked at again by the sender while it waits, and goes out on the sender's next run
 * once the person sets an address.
 */
@QuarkusTest
@TestProfile(AddressWaitTest.FifteenMinuteWait.class)
class AddressWaitTest {

    public static class FifteenMinuteWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cec.notices.address-wait", "15M");
        }
    }

    @Test
    void aNoticeWaitsForTheAddressAndGoesOutOnTheNextRunOnceItIsSet() {
        String person = person();
        String email = emailOf(person);
        send(Topics.RENEWALS, EventTypes.CERTIFICATION_GRANTED, person, EventNoticesTest.granted(person, "CPT"));
        awaitNotices(person, 1);

        runSender();
        JsonPath waiting = notices(person);
        assertThat(waiting.getString("notices[0].status")).isEqualTo("PENDING");
        assertThat(waiting.getInt("notices[0].attempts")).isEqualTo(1);
        runSender();
        assertThat(notices(person).getInt("notices[0].attempts")).as("not looked at again while it waits").isEqualTo(1);

        setContact(person, email);
        runSender();

        JsonPath sent = notices(person);
        assertThat(sent.getString("notices[0].status")).isEqualTo("SENT");
        assertThat(mailTo(email)).hasSize(1);
    }
}
