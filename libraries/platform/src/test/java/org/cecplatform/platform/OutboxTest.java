package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.platform.fixture.Notes;
import org.cecplatform.platform.outbox.ConcurrencyConflictException;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.OutboxRelay;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.testsupport.PostgresTestResource;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    Notes notes;
    @Inject
    EventLog log;
    @Inject
    OutboxRelay relay;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    @Test
    void anAppendedEventIsPublishedAsABinaryCloudEventKeyedByCertificant() {
        String person = "cert-" + UUID.randomUUID();
        NewEvent written = notes.write(person, "hello");

        List<ConsumerRecord<String, String>> records = TestKafka.read(Notes.TOPIC,
                r -> person.equals(r.key()), 1, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(TestKafka.header(record, CloudEventHeaders.ID)).isEqualTo(written.eventId().toString());
        assertThat(TestKafka.header(record, CloudEventHeaders.TYPE)).isEqualTo(Notes.TYPE);
        assertThat(TestKafka.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(person);
        assertThat(TestKafka.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/cec-platform/platform-test");
        assertThat(TestKafka.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(record.value()).contains("\"text\":\"hello\"").contains("\"certificantId\":\"" + person + "\"");
    }

    @Test
    void anEventWrittenWhileTheRelayIsStoppedIsPublishedExactlyOnceAfterItRestarts() {
        String person = "cert-" + UUID.randomUUID();
        relay.pause();
        NewEvent written = notes.write(person, "held back");

        assertThat(TestKafka.readAll(Notes.TOPIC, r -> person.equals(r.key()), Duration.ofSeconds(2)))
                .as("nothing leaves while the relay is stopped").isEmpty();
        assertThat(unpublished(written)).isTrue();

        relay.resume();

        List<ConsumerRecord<String, String>> records =
                TestKafka.readAll(Notes.TOPIC, r -> person.equals(r.key()), Duration.ofSeconds(8));
        assertThat(records).hasSize(1);
        assertThat(TestKafka.header(records.get(0), CloudEventHeaders.ID)).isEqualTo(written.eventId().toString());
        assertThat(unpublished(written)).isFalse();
    }

    @Test
    void oneCertificantsEventsArePublishedInSequenceOrder() {
        String person = "cert-" + UUID.randomUUID();
        relay.pause();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(notes.write(person, "note " + i).eventId().toString());
        }
        relay.resume();

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Notes.TOPIC, r -> person.equals(r.key()), 20, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> TestKafka.header(r, CloudEventHeaders.ID)).containsExactlyElementsOf(ids);
    }

    @Test
    void aBatchAppendContinuesEachPersonsSequenceInListOrderAndFailsWholeOnATakenSequence() {
        String a = "cert-" + UUID.randomUUID();
        String b = "cert-" + UUID.randomUUID();
        String first = notes.write(a, "first").eventId().toString();
        relay.pause();
        NewEvent a2 = note(a, "a2");
        NewEvent b1 = note(b, "b1");
        NewEvent a3 = note(a, "a3");
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Long> sequences = log.currentSequences(List.of(a, b));
            assertThat(sequences).containsEntry(a, 1L).containsEntry(b, 0L);
            log.appendAll(List.of(new EventLog.Append(1, List.of(a2)), new EventLog.Append(0, List.of(b1)),
                    new EventLog.Append(2, List.of(a3))));
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> log.load(a)))
                .extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);

        NewEvent taken = note(b, "taken");
        NewEvent innocent = note(a, "innocent");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> log.appendAll(List.of(
                new EventLog.Append(3, List.of(innocent)), new EventLog.Append(0, List.of(taken))))))
                .satisfies(e -> assertThat(causes(e)).anyMatch(ConcurrencyConflictException.class::isInstance));
        assertThat(QuarkusTransaction.requiringNew().call(() -> log.load(a))).hasSize(3);
        relay.resume();

        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Notes.TOPIC, r -> a.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> TestKafka.header(r, CloudEventHeaders.ID))
                .containsExactly(first, a2.eventId().toString(), a3.eventId().toString());
    }

    private static NewEvent note(String person, String text) {
        return NewEvent.of(person, person, "NoteWritten", Notes.TOPIC, java.time.Instant.now(), Map.of("text", text));
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void fiftyConcurrentWritesForOnePersonAllGetDistinctSequences() throws Exception {
        String person = "cert-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<NewEvent>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.add(pool.submit(() -> notes.write(person, "concurrent " + n)));
            }
            for (Future<NewEvent> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        List<StoredEvent> stored = QuarkusTransaction.requiringNew().call(() -> log.load(person));
        assertThat(stored).hasSize(50);
        assertThat(stored.stream().map(StoredEvent::sequence).collect(Collectors.toSet()))
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 50).boxed().collect(Collectors.toSet()));
    }

    @Test
    void theEventLogIsAppendOnly() throws Exception {
        String person = "cert-" + UUID.randomUUID();
        NewEvent written = notes.write(person, "immutable");
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update event_log set payload = '{}'::jsonb where event_id = '" + written.eventId() + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "delete from event_log where event_id = '" + written.eventId() + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void anotherInstanceHoldingTheLeaseKeepsThisRelayFromPublishing() throws Exception {
        String person = "cert-" + UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres")) {
            c.createStatement().executeUpdate("insert into outbox_lease (name, owner, expires_at)"
                    + " values ('outbox-relay', 'other-instance', now() + interval '3 seconds')"
                    + " on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at");
            NewEvent written = notes.write(person, "wait for the lease");

            assertThat(TestKafka.readAll(Notes.TOPIC, r -> person.equals(r.key()), Duration.ofMillis(1500)))
                    .as("the other instance holds the lease").isEmpty();

            List<ConsumerRecord<String, String>> records =
                    TestKafka.read(Notes.TOPIC, r -> person.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(records).as("published once the other instance's lease ran out").hasSize(1);
            assertThat(TestKafka.header(records.get(0), CloudEventHeaders.ID))
                    .isEqualTo(written.eventId().toString());
            try (ResultSet rs = c.createStatement().executeQuery("select owner from outbox_lease")) {
                rs.next();
                assertThat(rs.getString(1)).isNotEqualTo("other-instance");
            }
        }
    }

    private static boolean unpublished(NewEvent event) {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("select published_at is null from event_log where event_id = ?")) {
            s.setObject(1, event.eventId());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
