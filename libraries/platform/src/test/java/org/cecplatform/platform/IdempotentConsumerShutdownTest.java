package org.cecplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.platform.messaging.BatchAbortedException;
import org.cecplatform.platform.messaging.DeadLetters;
import org.cecplatform.platform.messaging.IdempotentConsumer;
import org.cecplatform.platform.messaging.MessageHandler;
import org.cecplatform.platform.messaging.ShutdownSignal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A good record that fails only because the service is shutting down (the datasource closing under it) must not be
 * dead-lettered: its batch is aborted and stays uncommitted. The same failure while running is a defect, and the
 * record is dead-lettered after three tries.
 */
@QuarkusTest
class IdempotentConsumerShutdownTest {

    static final String CONSUMER = "platform-test.shutdown";

    @Inject
    IdempotentConsumer consumer;

    final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    final PoolClosedHandler handler = new PoolClosedHandler();

    @BeforeEach
    void recordDeadLettersInsteadOfSendingThem() {
        QuarkusMock.installMockForType(deadLetters, DeadLetters.class);
    }

    @Test
    void aRecordThatFailsOnceShutdownHasBegunAbortsItsBatchAndIsNotDeadLettered() {
        QuarkusMock.installMockForType(new ShutdownBegun(), ShutdownSignal.class);

        assertThatThrownBy(() -> consumer.consume(CONSUMER, List.of(record()), handler))
                .isInstanceOf(BatchAbortedException.class)
                .hasMessageContaining("stays uncommitted");
        assertThat(deadLetters.sent).isEmpty();
        assertThat(handler.attempts).hasValue(1);
    }

    @Test
    void theSameFailureWhileRunningIsADefectAndTheRecordIsDeadLetteredAfterThreeTries() {
        ConsumerRecord<String, byte[]> record = record();

        consumer.consume(CONSUMER, List.of(record), handler);

        assertThat(deadLetters.sent).containsExactly(record);
        assertThat(handler.attempts).as("the batch once, then the record alone three times").hasValue(4);
    }

    private static ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("platform.shutdown-test.v1", 0, 0L, "cert-1",
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Fails to apply the way a service's handler does once Agroal's pool is closed at shutdown. */
    static final class PoolClosedHandler implements MessageHandler<String> {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Parsed<String> parse(ConsumerRecord<String, byte[]> record) {
            return new Parsed<>(new String(record.value(), StandardCharsets.UTF_8), "note");
        }

        @Override
        public void apply(String message) {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("This pool is closed and does not handle any more connections!"));
        }
    }

    /** Mocks are no beans of their own (they would inherit their superclass's scope). */
    @Vetoed
    static final class ShutdownBegun extends ShutdownSignal {
        @Override
        public boolean hasBegun() {
            return true;
        }
    }

    @Vetoed
    static final class RecordingDeadLetters extends DeadLetters {
        final List<ConsumerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();

        RecordingDeadLetters() {
            super(null, null, null, null);
        }

        @Override
        public void send(String consumer, ConsumerRecord<String, byte[]> record, Throwable reason) {
            sent.add(record);
        }
    }
}
