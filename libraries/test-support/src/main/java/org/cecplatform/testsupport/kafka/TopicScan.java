package org.cecplatform.testsupport.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic from the beginning for matching records. Plain kafka-clients and nothing else of test-support, so
 * that tests against a running stack (system-tests) can use it as well as those against the in-JVM broker.
 */
public final class TopicScan {

    private TopicScan() {
    }

    /**
     * Reads {@code topic} with {@code consumer} (which should start at the earliest offset) until {@code expected}
     * records match, or the timeout passes; returns every matching record read so far (so a test can also assert
     * that no more than expected arrived).
     */
    public static <K, V> List<ConsumerRecord<K, V>> matching(KafkaConsumer<K, V> consumer, String topic,
                                                            Predicate<ConsumerRecord<K, V>> match, int expected,
                                                            Duration timeout) {
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        consumer.subscribe(List.of(topic));
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (match.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }
}
