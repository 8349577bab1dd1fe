package org.cecplatform.platform.outbox;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends one stored event as a CloudEvent in binary mode: {@code ce_id} is the event's own id (so a republished event
 * is recognisably the same), the key and {@code ce_subject} the certificant id. Completes when the broker has
 * acknowledged the record.
 */
@ApplicationScoped
public class OutboxPublisher {

    private final Emitter<String> emitter;
    private final URI source;

    public OutboxPublisher(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 20_000)
                           Emitter<String> emitter, OutboxConfig config) {
        this.emitter = emitter;
        this.source = URI.create(config.source());
    }

    public CompletableFuture<Void> publish(StoredEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.certificantId())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.certificantId())
                .withTopic(event.topic())
                .build();
        Message<String> message = Message.of(event.payload(), Metadata.of(cloudEvent, kafka),
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acknowledged;
    }
}
