package org.cecplatform.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.platform.fixture.Notes;
import org.cecplatform.platform.outbox.EventLog;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.platform.outbox.StoredEvent;
import org.cecplatform.testsupport.TestKafka;
import org.junit.jupiter.api.Test;

/** Private events and snapshots on the real PostgreSQL (and broker, for what is not published). */
@QuarkusTest
class EventStoreTest {

    @Inject
    Notes notes;
    @Inject
    EventLog log;
    @Inject
    Snapshots snapshots;

    @Test
    void aPrivateEventStaysInItsStreamAndIsNeverPublished() {
        String person = "private-" + UUID.randomUUID();
        NewEvent read = notes.markRead(person);
        NewEvent written = notes.write(person, "after the private one");

        assertThat(QuarkusTransaction.requiringNew().call(() -> log.load(person)))
                .extracting(StoredEvent::eventId, StoredEvent::sequence, StoredEvent::topic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(read.eventId(), 1L, null),
                        org.assertj.core.groups.Tuple.tuple(written.eventId(), 2L, Notes.TOPIC));
        // The published one arrives; the private one, appended first, never does and never counts as a backlog.
        assertThat(TestKafka.read(Notes.TOPIC, r -> person.equals(r.key()), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(TestKafka.read(Notes.TOPIC, r -> person.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> log.unpublishedCount() == 0);
    }

    @Test
    void aSnapshotIsUsedOnlyAtTheLoadersSchemaVersionAndNeverAheadOfItsStream() {
        String aggregate = "snap-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> snapshots.save(aggregate, 5, 1, Map.of("notes", 5)));

        assertThat(snapshots.usable(aggregate, 1, 5)).hasValueSatisfying(s -> {
            assertThat(s.sequence()).isEqualTo(5);
            assertThat(snapshots.state(s, Map.class)).containsEntry("notes", 5);
        });
        assertThat(snapshots.usable(aggregate, 2, 5)).as("another schema version").isEmpty();
        assertThat(snapshots.usable(aggregate, 1, 4)).as("ahead of the stream").isEmpty();

        QuarkusTransaction.requiringNew().run(() -> snapshots.save(aggregate, 3, 1, Map.of("notes", 3)));
        assertThat(snapshots.usable(aggregate, 1, 9)).as("an older snapshot does not replace a newer one")
                .hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(5));
        QuarkusTransaction.requiringNew().run(() -> snapshots.save(aggregate, 2, 2, Map.of("notes", 2)));
        assertThat(snapshots.usable(aggregate, 2, 9)).as("a new schema version replaces the old one")
                .hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(2));

        assertThat(snapshots.deleteAll()).isPositive();
        assertThat(snapshots.usable(aggregate, 2, 9)).isEmpty();
    }
}
