package org.cecplatform.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
import org.cecplatform.platform.deadletters.DeadLetterStore;
import org.cecplatform.platform.persistence.DatabaseFailures;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Parks a message that can never be processed on {@code <topic>.dlq}: the original key, bytes and headers, plus the
 * reason, the rejecting consumer and the original position in headers. Returns only once the broker holds it, so
 * the offset of the original can be committed without losing anything.
 *
 * <p>This is the platform's one dead-letter mechanism (the connector's {@code dead-letter-queue} failure strategy is
 * not used). While the broker is away it keeps trying, and the batch waits uncommitted. Once the service is shutting
 * down it gives up instead ({@link BatchAbortedException}): the batch stays uncommitted and is delivered again after
 * the restart, where the record is dead-lettered then, rather than holding the shutdown until the process is killed.
 *
 * <p><b>The service remembers it too</b> ({@link DeadLetterStore}), so that it can list its dead letters and staff can
 * requeue one through its API. The topic first, the row second: the topic stays the durable record, and every row
 * listed is on it. Both happen before the original's offset is committed, so a process that dies between the two gets
 * the batch again, parks the record once more (a duplicate on the topic, as after any crash) and writes the row then;
 * the row is unique by (topic, partition, offset, consumer), so a record parked twice is listed once. A database outage
 * is waited out like the broker's; a row that cannot be written for any other reason is logged and left to the topic,
 * which holds the dead letter whatever happens here.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** How long one try waits for the broker's acknowledgement before sending again. */
    private static final long ACKNOWLEDGEMENT_MILLIS = 30_000;
    /** The acknowledgement is awaited in slices this long, so that a shutdown is noticed at once. */
    private static final long SLICE_MILLIS = 200;
    private static final long PAUSE_BEFORE_RETRY_MILLIS = 1_000;

    private final Emitter<byte[]> emitter;
    private final ShutdownSignal shutdown;
    private final DeadLetterStore store;
    private final Clock clock;

    public DeadLetters(@Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                       Emitter<byte[]> emitter, ShutdownSignal shutdown, DeadLetterStore store, Clock clock) {
        this.emitter = emitter;
        this.shutdown = shutdown;
        this.store = store;
        this.clock = clock;
    }

    public void send(String consumer, ConsumerRecord<String, byte[]> record, Throwable reason) throws InterruptedException {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(CloudEventHeaders.DLQ_REASON, bytes(String.valueOf(reason.getMessage())));
        headers.add(CloudEventHeaders.DLQ_CAUSE, bytes(reason.getClass().getName()));
        headers.add(CloudEventHeaders.DLQ_CONSUMER, bytes(consumer));
        headers.add(CloudEventHeaders.DLQ_TOPIC, bytes(record.topic()));
        headers.add(CloudEventHeaders.DLQ_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(CloudEventHeaders.DLQ_OFFSET, bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        while (true) {
            giveUpIfShuttingDown(record, null);
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            emitter.send(Message.of(value, Metadata.of(kafka), () -> {
                acknowledged.complete(null);
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                acknowledged.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
            }));
            try {
                awaitAcknowledgement(acknowledged, record);
                LOG.warnf("dead-lettered %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                        consumer, reason.getMessage());
                remember(consumer, record, reason);
                return;
            } catch (ExecutionException | TimeoutException e) {
                // The broker is away; the original stays uncommitted until its dead letter is safe.
                LOG.warnf("could not dead-letter %s-%d@%d yet, retrying: %s", record.topic(), record.partition(),
                        record.offset(), e.toString());
                if (shutdown.awaitBegun(PAUSE_BEFORE_RETRY_MILLIS)) {
                    giveUpIfShuttingDown(record, e);
                }
            }
        }
    }

    private void remember(String consumer, ConsumerRecord<String, byte[]> record, Throwable reason)
            throws InterruptedException {
        while (true) {
            giveUpIfShuttingDown(record, null);
            try {
                store.remember(consumer, record, String.valueOf(reason.getMessage()), reason.getClass().getName(),
                        clock.instant());
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isTransient(e)) {
                    LOG.errorf(e, "dead letter %s-%d@%d is on %s but could not be listed", record.topic(),
                            record.partition(), record.offset(), Topics.deadLetter(record.topic()));
                    return;
                }
                LOG.warnf("could not list dead letter %s-%d@%d yet, retrying: %s", record.topic(), record.partition(),
                        record.offset(), e.toString());
                if (shutdown.awaitBegun(PAUSE_BEFORE_RETRY_MILLIS)) {
                    giveUpIfShuttingDown(record, e);
                }
            }
        }
    }

    private void awaitAcknowledgement(CompletableFuture<Void> acknowledged, ConsumerRecord<String, byte[]> record)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (long waited = 0; waited < ACKNOWLEDGEMENT_MILLIS; waited += SLICE_MILLIS) {
            try {
                acknowledged.get(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException notYet) {
                giveUpIfShuttingDown(record, notYet);
            }
        }
        throw new TimeoutException("no acknowledgement in " + ACKNOWLEDGEMENT_MILLIS + " ms");
    }

    private void giveUpIfShuttingDown(ConsumerRecord<String, byte[]> record, Throwable cause) {
        if (shutdown.hasBegun()) {
            throw new BatchAbortedException("shutting down: " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " was not dead-lettered", cause);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
