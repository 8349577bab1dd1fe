package org.cecplatform.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.platform.deadletters.DeadLetterStore;
import org.cecplatform.platform.persistence.DataAccessException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    static final ConsumerRecord<String, byte[]> RECORD = new ConsumerRecord<>("lms.course-completions.v1", 3, 42L, "C-1",
            "{\"completionId\":".getBytes(StandardCharsets.UTF_8));
    static final RuntimeException REASON = new RejectedMessageException("unreadable course completion");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);

    final ShutdownSignal shutdown = new ShutdownSignal();
    final FakeStore store = new FakeStore(0);

    @Test
    void aDeadLetterTheBrokerAcknowledgesGoesToTheTopicsDlqOnceWhileRunning() throws Exception {
        FakeEmitter broker = new FakeEmitter(true);

        new DeadLetters(broker, shutdown, store, CLOCK).send("ledger.lms", RECORD, REASON);

        assertThat(broker.sent).hasSize(1);
        OutgoingKafkaRecordMetadata<?> kafka = broker.sent.get(0).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(kafka.getTopic()).isEqualTo("lms.course-completions.v1.dlq");
        assertThat(kafka.getKey()).isEqualTo("C-1");
        assertThat(store.remembered).containsExactly("ledger.lms lms.course-completions.v1-3@42"
                + " unreadable course completion at 2027-03-01T12:00:00Z");
    }

    @Test
    void theServiceRemembersADeadLetterOnlyOnceTheBrokerHoldsItAndWaitsOutADatabaseOutage() throws Exception {
        FakeEmitter brokerAway = new FakeEmitter(false);
        DeadLetters deadLetters = new DeadLetters(brokerAway, shutdown, store, CLOCK);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                deadLetters.send("ledger.lms", RECORD, REASON);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !brokerAway.sent.isEmpty());
        assertThat(store.remembered).isEmpty();
        shutdown.begin(null);
        assertThatThrownBy(() -> sending.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(store.remembered).isEmpty();

        FakeStore databaseAwayTwice = new FakeStore(2);
        new DeadLetters(new FakeEmitter(true), new ShutdownSignal(), databaseAwayTwice, CLOCK)
                .send("ledger.lms", RECORD, REASON);
        assertThat(databaseAwayTwice.remembered).hasSize(1);
    }

    @Test
    void aDeadLetterTheBrokerDoesNotAcknowledgeIsGivenUpOnceShutdownBeginsInsteadOfHoldingTheShutdown() throws Exception {
        FakeEmitter brokerAway = new FakeEmitter(false);
        DeadLetters deadLetters = new DeadLetters(brokerAway, shutdown, store, CLOCK);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            try {
                deadLetters.send("ledger.lms", RECORD, REASON);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !brokerAway.sent.isEmpty());
        assertThat(sending).isNotDone(); // still waiting for the broker: the batch stays uncommitted meanwhile

        shutdown.begin(null);

        assertThatThrownBy(() -> sending.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BatchAbortedException.class)
                .hasMessageContaining("lms.course-completions.v1-3@42 was not dead-lettered");
    }

    @Test
    void nothingIsSentOnceShutdownHasBegun() {
        FakeEmitter broker = new FakeEmitter(true);
        shutdown.begin(null);

        assertThatThrownBy(() -> new DeadLetters(broker, shutdown, store, CLOCK).send("ledger.lms", RECORD, REASON))
                .isInstanceOf(BatchAbortedException.class);
        assertThat(broker.sent).isEmpty();
    }

    /** The service's table of dead letters, away for the first {@code outages} writes. */
    static final class FakeStore extends DeadLetterStore {
        final List<String> remembered = new CopyOnWriteArrayList<>();
        private int outages;

        FakeStore(int outages) {
            super(null, null);
            this.outages = outages;
        }

        @Override
        public void remember(String consumer, ConsumerRecord<String, byte[]> record, String reason, String cause,
                             Instant at) {
            if (outages-- > 0) {
                throw new DataAccessException("insert into dead_letter",
                        new SQLTransientConnectionException("database away"));
            }
            remembered.add(consumer + " " + record.topic() + "-" + record.partition() + "@" + record.offset() + " "
                    + reason + " at " + at);
        }
    }

    /** A dead-letters channel whose broker acknowledges every message at once, or never. */
    static final class FakeEmitter implements Emitter<byte[]> {
        final List<Message<?>> sent = new CopyOnWriteArrayList<>();
        private final boolean acknowledges;

        FakeEmitter(boolean acknowledges) {
            this.acknowledges = acknowledges;
        }

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            sent.add(message);
            if (acknowledges) {
                message.ack();
            }
        }

        @Override
        public CompletionStage<Void> send(byte[] payload) {
            throw new UnsupportedOperationException("DeadLetters sends messages with metadata");
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
