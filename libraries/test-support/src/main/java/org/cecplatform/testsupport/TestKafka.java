package org.cecplatform.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.kafka.access.KafkaRights;
import org.cecplatform.testsupport.kafka.TopicScan;

/**
 * Plain Kafka clients against the test broker: produce what an external system or another service would (logged in
 * as the topic's owner in the rights table), read what a service wrote (as the operator).
 */
public final class TestKafka {

    private static final KafkaRights RIGHTS = KafkaRights.shipped();

    private TestKafka() {
    }

    /** Produces one record as the topic's owner (the operator for a topic nobody owns) and waits for the broker. */
    public static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        return sendAs(RIGHTS.ownerOf(topic).orElse(KafkaRights.OPERATOR), topic, key, value, headers);
    }

    /** Produces one record logged in as {@code principal}; fails as the broker answers (e.g. not authorised). */
    public static RecordMetadata sendAs(String principal, String topic, String key, String value,
                                        Map<String, String> headers) {
        Properties props = new Properties();
        props.putAll(KafkaTestResource.clientProperties(principal));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /**
     * Binary-mode CloudEvent headers as a relay writes them (a mutable map); a null {@code source} leaves
     * {@code ce_source} out, as a forgery would.
     */
    public static Map<String, String> cloudEventHeaders(String id, String type, String source, String subject) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.TYPE,
                type, CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.CONTENT_TYPE, "application/json"));
        if (source != null) {
            headers.put(CloudEventHeaders.SOURCE, source);
        }
        return headers;
    }

    public static RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /**
     * Reads the topic from the beginning until {@code expected} records match, or the timeout passes; returns every
     * matching record read so far (so a test can also assert that no more than expected arrived).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                            int expected, Duration timeout) {
        Properties props = new Properties();
        props.putAll(KafkaTestResource.clientProperties(KafkaRights.OPERATOR));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            return TopicScan.matching(consumer, topic, match, expected, timeout);
        }
    }

    /**
     * The CloudEvent ids ({@code ce_id}, what consumers deduplicate on) of one key's records on {@code topic}, in the
     * topic's order, once {@code expected} arrived or 30 seconds passed.
     */
    public static List<String> eventIds(String topic, String key, int expected) {
        return read(topic, r -> key.equals(r.key()), expected, Duration.ofSeconds(30)).stream()
                .map(r -> header(r, CloudEventHeaders.ID)).toList();
    }

    /** Like {@link #read} but keeps reading for the whole {@code window}: to prove that nothing more arrives. */
    public static List<ConsumerRecord<String, String>> readAll(String topic,
                                                               Predicate<ConsumerRecord<String, String>> match,
                                                               Duration window) {
        return read(topic, match, Integer.MAX_VALUE, window);
    }

    /**
     * A record as a consumer receives it from {@code topic} (partition 0, offset 0): for a test that hands a batch to a
     * consumer method itself, since the broker decides how records are batched.
     */
    public static ConsumerRecord<String, byte[]> incoming(String topic, String key, String value,
                                                          Map<String, String> headers) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, key,
                value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Records of one topic as one batch of its partition 0, the way the connector hands a batch to a consumer. */
    @SafeVarargs
    public static ConsumerRecords<String, byte[]> batch(ConsumerRecord<String, byte[]>... records) {
        if (records.length == 0) {
            return ConsumerRecords.empty();
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition(records[0].topic(), 0), List.of(records)), Map.of());
    }

    /** The value of a header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
