package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.systemtests.Certificant.dec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.kafka.access.ClientLogin;
import org.cecplatform.kafka.access.KafkaRights;
import org.cecplatform.kafka.access.KafkaRights.Access;
import org.cecplatform.localstack.KafkaLogins;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where trust ends on the bus, tried on the stack's broker: nobody gets in without a login, each principal has exactly
 * the rights of the table ({@code kafka-access}'s {@code kafka-rights.txt}), and a credit forged with a stolen
 * integration login never reaches a projection.
 */
@SystemTest
class KafkaTrustSystemTest {

    private static final KafkaRights RIGHTS = KafkaRights.shipped();
    private static final Duration REFUSAL = Duration.ofSeconds(20);

    @Test
    void aClientWithoutALoginOrWithAWrongPasswordIsRefused(SystemUnderTest sut) {
        KafkaLogins logins = sut.cluster().kafkaLogins();
        Map<String, Object> anonymous = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, logins.bootstrapServers()));
        assertThatThrownBy(() -> listTopics(anonymous)).as("a client that does not authenticate")
                .isInstanceOf(ExecutionException.class);

        Map<String, Object> wrongPassword = new HashMap<>(ClientLogin.properties(logins.mechanism(), "lms", "not-the-password"));
        wrongPassword.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, logins.bootstrapServers());
        assertThatThrownBy(() -> listTopics(wrongPassword)).as("a wrong password")
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> unknown = new HashMap<>(ClientLogin.properties(logins.mechanism(), "mallory", "anything"));
        unknown.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, logins.bootstrapServers());
        assertThatThrownBy(() -> listTopics(unknown)).as("a principal the broker does not know")
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void theLmsWritesItsOwnTopicButCannotWriteTheLedgerNorReadTheAudits(SystemUnderTest sut) throws Exception {
        KafkaLogins logins = sut.cluster().kafkaLogins();
        Certificant member = Certificant.fresh(sut, "lms-rights");
        String completion = String.format("{\"completionId\":\"lms-%s\",\"memberId\":\"%s\",\"courseId\":\"CO-1\","
                + "\"courseTitle\":\"Rights check\",\"cecs\":1,\"completedAt\":\"2026-01-05\"}", member.id, member.id);
        assertThat(send(logins.as("lms"), new ProducerRecord<>(Topics.LMS_COURSE_COMPLETIONS, member.id, completion)))
                .as("its own topic").isNull();

        assertThat(send(logins.as("lms"), new ProducerRecord<>(Topics.LEDGER, member.id, "{}")))
                .as("the ledger's topic").isInstanceOf(TopicAuthorizationException.class);
        assertThat(firstPollFailure(logins.as("lms"), Topics.AUDITS, null))
                .as("reading the audits").isInstanceOf(TopicAuthorizationException.class);
        assertThat(firstPollFailure(logins.as("renewal-service"), Topics.LEDGER, "audit-service.ledger"))
                .as("a service in another service's consumer group").isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aCreditForgedWithAStolenIntegrationLoginNeverReachesAProjection(SystemUnderTest sut) {
        KafkaLogins logins = sut.cluster().kafkaLogins();
        Certificant victim = Certificant.fresh(sut, "forged");
        victim.grant("GEI", "2026-01-05");
        ProducerRecord<String, String> forged = forgedCredit(Topics.LEDGER, victim.id);

        // The forger holds the LMS's password: the ledger's topic is closed to it...
        assertThat(send(logins.as("lms"), forged)).isInstanceOf(TopicAuthorizationException.class);
        // ...and on its own topic the forged CECEarned is not a course completion: dead-lettered by the ledger.
        ProducerRecord<String, String> onIntake = forgedCredit(Topics.LMS_COURSE_COMPLETIONS, victim.id);
        assertThat(send(logins.as("lms"), onIntake)).isNull();
        String eventId = new String(onIntake.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
        assertThat(sut.read(Topics.deadLetter(Topics.LMS_COURSE_COMPLETIONS),
                r -> eventId.equals(header(r.headers().lastHeader(CloudEventHeaders.ID))), 1, Duration.ofSeconds(90)))
                .as("the forged record on the dead-letter topic").hasSize(1);

        // A completion after it is credited, so the forged one was seen and skipped, not merely not read yet.
        victim.completesCourse("Real course after the forgery", "2", "2026-02-01");
        JsonNode certification = victim.awaitTracked("GEI", "2");
        assertThat(dec(certification.path("cecsTracked"))).isEqualByComparingTo("2");
        assertThat(victim.awaitCredits(1).path("credits")).hasSize(1);
    }

    @Test
    void anEventThatDoesNotComeFromItsTopicsOwnerIsDeadLetteredByEveryConsumer(SystemUnderTest sut) {
        Certificant victim = Certificant.fresh(sut, "wrong-source");
        victim.grant("GEI", "2026-01-05");
        // Written with the operator's login (a replay tool gone wrong, say): allowed on the topic, but not the ledger's.
        ProducerRecord<String, String> record = forgedCredit(Topics.LEDGER, victim.id);
        record.headers().remove(CloudEventHeaders.SOURCE);
        record.headers().add(CloudEventHeaders.SOURCE, "/cec-platform/lms".getBytes(StandardCharsets.UTF_8));
        assertThat(send(sut.cluster().kafkaLogins().asOperator(), record)).isNull();
        String eventId = header(record.headers().lastHeader(CloudEventHeaders.ID));
        var deadLetters = sut.read(Topics.deadLetter(Topics.LEDGER),
                r -> eventId.equals(header(r.headers().lastHeader(CloudEventHeaders.ID))), 2, Duration.ofSeconds(90));
        assertThat(deadLetters).as("dead-lettered by renewal-service and audit-service").hasSize(2)
                .allSatisfy(r -> assertThat(header(r.headers().lastHeader(CloudEventHeaders.DLQ_REASON)))
                        .contains("/cec-platform/ledger-service").contains("/cec-platform/lms"));

        victim.completesCourse("Real course after the forgery", "2", "2026-02-01");
        assertThat(dec(victim.awaitTracked("GEI", "2").path("cecsTracked"))).isEqualByComparingTo("2");
    }

    @Test
    void theBrokerGrantsEachPrincipalExactlyTheReadAndWriteRightsOfTheTable(SystemUnderTest sut) throws Exception {
        KafkaLogins logins = sut.cluster().kafkaLogins();
        List<String> topics = new ArrayList<>(RIGHTS.topics());
        Map<String, String> matrix = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        for (String principal : RIGHTS.principals()) {
            Map<String, Set<AclOperation>> granted = authorizedOperations(logins.as(principal), topics);
            StringBuilder row = new StringBuilder();
            for (String topic : topics) {
                boolean read = granted.get(topic).contains(AclOperation.READ);
                boolean write = granted.get(topic).contains(AclOperation.WRITE);
                row.append(String.format(" %-3s", (read ? "r" : "") + (write ? "w" : "")));
                if (read != RIGHTS.allows(principal, topic, Access.READ) || write != RIGHTS.allows(principal, topic, Access.WRITE)) {
                    disagreements.add(principal + " on " + topic + ": broker read=" + read + " write=" + write);
                }
            }
            matrix.put(principal, row.toString());
        }
        System.out.println("[kafka rights] principal × " + topics);
        matrix.forEach((principal, row) -> System.out.printf("[kafka rights] %-16s%s%n", principal, row));
        assertThat(disagreements).as("rights the broker grants but the table does not, or the reverse").isEmpty();
    }

    // ---------------------------------------------------------------- clients

    private static void listTopics(Map<String, Object> settings) throws Exception {
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
        try (Admin admin = Admin.create(settings)) {
            admin.listTopics().names().get(REFUSAL.toSeconds() + 10, TimeUnit.SECONDS);
        }
    }

    /** Sends and waits: null when the broker took the record, else the reason it did not. */
    private static Throwable send(Map<String, Object> login, ProducerRecord<String, String> record) {
        login.put(ProducerConfig.ACKS_CONFIG, "all");
        login.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSAL.toMillis());
        login.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
        login.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(login, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(REFUSAL.toSeconds() + 10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** What the first polls of {@code topic} (partition 0 without a group, or the whole topic in {@code group}) throw. */
    private static RuntimeException firstPollFailure(Map<String, Object> login, String topic, String group) {
        login.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        login.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            login.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(login, new StringDeserializer(), new StringDeserializer())) {
            if (group == null) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
            } else {
                consumer.subscribe(List.of(topic));
            }
            Instant deadline = Instant.now().plus(REFUSAL);
            while (Instant.now().isBefore(deadline)) {
                try {
                    consumer.poll(Duration.ofMillis(500));
                } catch (RuntimeException refused) {
                    return refused;
                }
            }
            return null;
        }
    }

    /** The operations the broker says {@code login} may perform on each topic (none where it may not even see it). */
    private static Map<String, Set<AclOperation>> authorizedOperations(Map<String, Object> login, List<String> topics) throws Exception {
        Map<String, Set<AclOperation>> granted = new HashMap<>();
        try (Admin admin = Admin.create(login)) {
            var described = admin.describeTopics(topics, new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
            for (String topic : topics) {
                try {
                    Set<AclOperation> operations = described.get(topic).get(30, TimeUnit.SECONDS).authorizedOperations();
                    granted.put(topic, operations == null ? Set.of() : Set.copyOf(operations));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicAuthorizationException)) {
                        throw e;
                    }
                    granted.put(topic, Set.of());
                }
            }
        }
        return granted;
    }

    // ---------------------------------------------------------------- the forgery

    /** A CECEarned worth a whole cycle's 45 CECs, dressed exactly as the ledger dresses its events. */
    private static ProducerRecord<String, String> forgedCredit(String topic, String certificantId) {
        String body = String.format("{\"creditId\":\"%s\",\"certificantId\":\"%s\",\"source\":\"CE_ONLINE\",\"verified\":true,"
                + "\"category\":\"GENERAL\",\"title\":\"Forged\",\"provider\":\"ACSM\",\"providerKind\":\"ACSM_APPROVED_PROVIDER\","
                + "\"completedOn\":\"2026-01-06\",\"reported\":{\"amount\":45,\"unit\":\"CEC\"},\"cecs\":45,"
                + "\"recordedBy\":\"lms\",\"recordedAt\":\"2026-01-06T12:00:00Z\"}", UUID.randomUUID(), certificantId);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, certificantId, body);
        Map<String, String> headers = Map.of(CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventTypes.CEC_EARNED, CloudEventHeaders.SOURCE, "/cec-platform/ledger-service",
                CloudEventHeaders.SUBJECT, certificantId, CloudEventHeaders.CONTENT_TYPE, "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String header(org.apache.kafka.common.header.Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
