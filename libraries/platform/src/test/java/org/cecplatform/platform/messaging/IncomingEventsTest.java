package org.cecplatform.platform.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
import org.junit.jupiter.api.Test;

/** SPEC §6: consumers check that the CloudEvent source of an event on a product topic is the topic's owner. */
class IncomingEventsTest {

    private final IncomingEvents incoming = new IncomingEvents(new ObjectMapper());

    private static ConsumerRecord<String, byte[]> event(String topic, String source) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, "cert-1", "{}".getBytes());
        if (source != null) {
            record.headers().add(CloudEventHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventFromTheTopicsOwnerPasses() {
        assertThatCode(() -> incoming.requireTopicOwner(event(Topics.LEDGER, "/cec-platform/ledger-service")))
                .doesNotThrowAnyException();
        assertThatCode(() -> incoming.requireTopicOwner(event(Topics.RENEWALS, "/cec-platform/renewal-service")))
                .doesNotThrowAnyException();
        assertThatCode(() -> incoming.requireTopicOwner(event(Topics.AUDITS, "/cec-platform/audit-service")))
                .doesNotThrowAnyException();
    }

    @Test
    void anEventFromAnotherSourceIsRejectedNamingTheTopicTheExpectedAndTheFoundSource() {
        assertThatThrownBy(() -> incoming.requireTopicOwner(event(Topics.LEDGER, "/cec-platform/lms")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessage("an event on cec.ledger.v1 must have ce_source /cec-platform/ledger-service (the topic's"
                        + " owner); found /cec-platform/lms");
        // another service of the product is no better than a stranger
        assertThatThrownBy(() -> incoming.requireTopicOwner(event(Topics.AUDITS, "/cec-platform/renewal-service")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("cec.audits.v1").hasMessageContaining("/cec-platform/audit-service")
                .hasMessageContaining("found /cec-platform/renewal-service");
    }

    @Test
    void nearMissesAreNotTheOwner() {
        for (String source : new String[] {"/cec-platform/ledger-service/", "/cec-platform/Ledger-service",
                " /cec-platform/ledger-service", "cec-platform/ledger-service", "/cec-platform/ledger-service-2", ""}) {
            assertThatThrownBy(() -> incoming.requireTopicOwner(event(Topics.LEDGER, source)))
                    .as(source).isInstanceOf(RejectedMessageException.class);
        }
    }

    @Test
    void anEventWithoutSourceIsRejected() {
        assertThatThrownBy(() -> incoming.requireTopicOwner(event(Topics.RENEWALS, null)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessage("an event on cec.renewals.v1 must have ce_source /cec-platform/renewal-service (the"
                        + " topic's owner); found none");
    }

    @Test
    void aTopicWithoutOwnerTrustsNoSource() {
        assertThatThrownBy(() -> incoming.requireTopicOwner(event(Topics.LMS_COURSE_COMPLETIONS, "/cec-platform/lms")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("lms.course-completions.v1 has no owner");
    }
}
