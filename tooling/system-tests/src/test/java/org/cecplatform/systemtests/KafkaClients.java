package org.cecplatform.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.localstack.KafkaLogins;
import org.cecplatform.localstack.TopicWriters;
import org.cecplatform.testsupport.kafka.TopicScan;

/**
 * Plain Kafka clients against the stack's broker: produce what an external system would (logged in as the topic's
 * writer, e.g. {@code lms}), read what a service wrote (as the operator).
 */
final class KafkaClients implements AutoCloseable {

    private final KafkaLogins logins;
    private final TopicWriters<String> producer;

    KafkaClients(KafkaLogins logins) {
        this.logins = logins;
        this.producer = new TopicWriters<>(logins, Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer());
    }

    /** Produces one record and waits for the broker's acknowledgement. */
    RecordMetadata produce(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + topic + ": " + e, e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code expected} records match or the time is up; returns the matching
     * records read so far (so a test can also assert that no more than expected arrived).
     */
    List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match, int expected, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = newReader()) {
            return TopicScan.matching(consumer, topic, match, expected, timeout);
        }
    }

    /** Sends all records at once (as an external system's burst) and waits until the broker acknowledged every one. */
    void produceAll(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            sent.add(producer.send(record));
        }
        for (Future<RecordMetadata> acknowledgement : sent) {
            try {
                acknowledgement.get(90, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not produce the burst: " + e, e);
            }
        }
    }

    /**
     * Reads the whole topic, from the beginning to its end as of this call, and returns the records that match (so a
     * test can assert that none do).
     */
    List<ConsumerRecord<String, String>> readToEnd(String topic, Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = newReader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in 3 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** The names of the broker's topics (internal ones left out). */
    Set<String> topicNames() {
        try (KafkaConsumer<String, String> consumer = newReader()) {
            return new TreeSet<>(consumer.listTopics(Duration.ofSeconds(60)).keySet());
        }
    }

    /**
     * Records of the topic that the consumer group has not committed (the end offsets minus its committed offsets): what
     * the group's consumer will be given again when it starts. Only asks; does not join the group.
     */
    long uncommitted(String group, String topic) {
        try (KafkaConsumer<String, String> consumer = newReader(group)) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, Duration.ofSeconds(60));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            return partitions.stream().mapToLong(p -> end.get(p) - (committed.get(p) == null ? 0 : committed.get(p).offset())).sum();
        }
    }

    /** A consumer in a group of its own that commits nothing: it reads and leaves no trace. */
    private KafkaConsumer<String, String> newReader() {
        return newReader("system-test-reader-" + UUID.randomUUID());
    }

    private KafkaConsumer<String, String> newReader(String group) {
        return new KafkaConsumer<>(connection(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000)),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Every reader of this class reaches the broker with these settings, as the operator: the one place for how. */
    private Map<String, Object> connection(Map<String, Object> settings) {
        Map<String, Object> config = logins.asOperator();
        config.putAll(settings);
        return config;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
