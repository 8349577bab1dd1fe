package org.cecplatform.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.contract.Topics;

/** Sends course completions as the LMS would (key = member id, acks=all), unthrottled or at a fixed rate. */
public final class CompletionProducer {

    public static final String TOPIC = Topics.LMS_COURSE_COMPLETIONS;

    private final Map<String, Object> lms;

    /** {@code lms}: the broker's address and the LMS integration's login (the only writer of the topic). */
    public CompletionProducer(Map<String, Object> lms) {
        this.lms = Map.copyOf(lms);
    }

    /** What was sent: each completion's send time (epoch µs) and how long producing took (until every ack). */
    public record Sent(long[] sentMicros, long producingNanos) { }

    /** {@code ratePerSecond <= 0}: as fast as the producer's buffer and the broker take them. */
    public Sent send(CompletionMessages messages, int count, int ratePerSecond, Progress progress) {
        long[] sentMicros = new long[count];
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties())) {
            for (int i = 0; i < count; i++) {
                if (ratePerSecond > 0) {
                    long due = start + (long) i * 1_000_000_000L / ratePerSecond;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                sentMicros[i] = nowMicros();
                producer.send(new ProducerRecord<>(TOPIC, messages.certificant(i), messages.json(i)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                progress.step(i + 1);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a completion: " + failure.get(), failure.get());
        }
        return new Sent(sentMicros, System.nanoTime() - start);
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(lms);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TimeUnit.MINUTES.toMillis(5));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
