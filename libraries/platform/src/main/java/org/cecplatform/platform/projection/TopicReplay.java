package org.cecplatform.platform.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning (or from given offsets) up to the end offsets it had when the replay started, with a
 * plain consumer that joins no group and commits nothing (the live consumer group is left alone): every partition is
 * assigned, sought to its start and read until its position reaches the end offset taken at the start. Whatever
 * arrives later is the live consumer's, or the next replay's.
 */
public final class TopicReplay {

    /** Receives the records in batches, in partition order. */
    public interface Batches {
        void accept(List<ConsumerRecord<String, byte[]>> batch);
    }

    private final Map<String, Object> connection;
    private final Duration stallTimeout;

    /** {@code connection}: the broker's address and this service's login, as the connector has them. */
    public TopicReplay(Map<String, Object> connection, Duration stallTimeout) {
        this.connection = Map.copyOf(connection);
        this.stallTimeout = stallTimeout;
    }

    /**
     * Replays {@code topic} from its beginning; {@code total} hears the number of records to read before the first
     * batch. Returns the end offsets it read to: where a later {@link #replayFrom} goes on.
     *
     * @throws IllegalStateException when no record arrives for the stall timeout while some remain
     */
    public Map<TopicPartition, Long> replay(String topic, LongConsumer total, Batches batches) {
        return replayFrom(topic, Map.of(), total, batches);
    }

    /**
     * Replays {@code topic} from {@code from} (a partition not named: from its beginning) to the end offsets it has
     * now. Returns those end offsets.
     */
    public Map<TopicPartition, Long> replayFrom(String topic, Map<TopicPartition, Long> from, LongConsumer total,
                                                Batches batches) {
        Properties props = new Properties();
        props.putAll(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "replay-" + topic);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                total.accept(0);
                return Map.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = new HashMap<>(consumer.beginningOffsets(partitions));
            for (TopicPartition tp : partitions) {
                begin.put(tp, Math.max(begin.get(tp), from.getOrDefault(tp, 0L)));
                consumer.seek(tp, begin.get(tp));
            }
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            total.accept(partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum());

            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition tp : partitions) {
                if (end.get(tp) > begin.get(tp)) {
                    remaining.add(tp);
                }
            }
            consumer.pause(partitions.stream().filter(tp -> !remaining.contains(tp)).toList());
            Instant lastProgress = Instant.now();
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, byte[]> record : polled) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(tp)) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                    lastProgress = Instant.now();
                }
                for (TopicPartition tp : List.copyOf(remaining)) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
                // Wall-clock on purpose: this is a network timeout, not a business rule (the service clock may be
                // moved by staff).
                if (!remaining.isEmpty() && Duration.between(lastProgress, Instant.now()).compareTo(stallTimeout) > 0) {
                    throw new IllegalStateException("replay of " + topic + " stalled: nothing read for "
                            + stallTimeout + ", partitions left " + remaining);
                }
            }
            return Map.copyOf(end);
        }
    }
}
