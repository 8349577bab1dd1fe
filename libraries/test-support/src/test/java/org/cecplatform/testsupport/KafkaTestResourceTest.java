package org.cecplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.cecplatform.contract.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test broker is secured like the product's: logins only, and each principal only the rights of the table. */
class KafkaTestResourceTest {

    private static final KafkaTestResource BROKER = new KafkaTestResource();
    private static Map<String, String> applicationConfig;

    @BeforeAll
    static void start() {
        BROKER.init(Map.of(KafkaTestResource.PRINCIPAL, "ledger-service"));
        applicationConfig = BROKER.start();
    }

    @AfterAll
    static void stop() {
        BROKER.stop();
    }

    @Test
    void theApplicationLogsInAsThePrincipalItWasGiven() {
        assertThat(applicationConfig).containsEntry("cec.kafka.username", "ledger-service")
                .containsEntry("kafka.sasl.mechanism", "PLAIN").containsKey("cec.kafka.password");
    }

    @Test
    void aClientWithoutALoginGetsNothing() {
        try (Admin anonymous = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000))) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void anIntegrationWritesItsTopicAndNotTheLedgers() {
        assertThat(TestKafka.sendAs("lms", Topics.LMS_COURSE_COMPLETIONS, "k", "{}", Map.of()).topic())
                .isEqualTo(Topics.LMS_COURSE_COMPLETIONS);
        assertThatThrownBy(() -> TestKafka.sendAs("lms", Topics.LEDGER, "k", "{}", Map.of()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aRecordGoesOutAsItsTopicsOwner() {
        assertThat(TestKafka.send(Topics.LEDGER, "k", "{}").topic()).isEqualTo(Topics.LEDGER);
        assertThat(TestKafka.read(Topics.LEDGER, record -> true, 1, java.time.Duration.ofSeconds(20))).isNotEmpty();
    }
}
