package org.cecplatform.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers for a tool that writes several topics as their writers would: a record for {@code lms.course-completions.v1}
 * goes out logged in as {@code lms}, one for {@code meetings.attendance.v1} as {@code meetings} (each may write only its
 * own topic). One producer per writer, made on first use; thread-safe.
 */
public final class TopicWriters<V> implements AutoCloseable {

    private final KafkaLogins logins;
    private final Map<String, Object> settings;
    private final Serializer<V> values;
    private final Map<String, KafkaProducer<String, V>> byTopic = new ConcurrentHashMap<>();

    /** {@code settings}: the producers' own settings (acks, timeouts), besides the address and the login. */
    public TopicWriters(KafkaLogins logins, Map<String, Object> settings, Serializer<V> values) {
        this.logins = logins;
        this.settings = Map.copyOf(settings);
        this.values = values;
    }

    public Future<RecordMetadata> send(ProducerRecord<String, V> record, Callback callback) {
        return producerFor(record.topic()).send(record, callback);
    }

    public Future<RecordMetadata> send(ProducerRecord<String, V> record) {
        return producerFor(record.topic()).send(record);
    }

    public void flush() {
        byTopic.values().forEach(KafkaProducer::flush);
    }

    public void close(Duration timeout) {
        byTopic.values().forEach(producer -> producer.close(timeout));
        byTopic.clear();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private KafkaProducer<String, V> producerFor(String topic) {
        return byTopic.computeIfAbsent(topic, t -> {
            Map<String, Object> props = new HashMap<>(logins.asWriterOf(t));
            props.putAll(settings);
            return new KafkaProducer<>(props, new StringSerializer(), values);
        });
    }
}
