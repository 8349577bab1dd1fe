package org.cecplatform.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
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
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<byte[]> emitter;

    public DeadLetters(@Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000)
                       Emitter<byte[]> emitter) {
        this.emitter = emitter;
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
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            emitter.send(Message.of(value, Metadata.of(kafka), () -> {
                acknowledged.complete(null);
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                acknowledged.completeExceptionally(failure);
                return CompletableFuture.completedFuture(null);
            }));
            try {
                acknowledged.get(30, TimeUnit.SECONDS);
                LOG.warnf("dead-lettered %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(),
                        consumer, reason.getMessage());
                return;
            } catch (ExecutionException | TimeoutException e) {
                // The broker is away; the original stays uncommitted until its dead letter is safe.
                LOG.warnf("could not dead-letter %s-%d@%d yet, retrying: %s", record.topic(), record.partition(),
                        record.offset(), e.toString());
                Thread.sleep(1_000);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
