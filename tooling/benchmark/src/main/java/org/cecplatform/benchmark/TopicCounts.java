package org.cecplatform.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Records held by a topic: the sum over its partitions of end offset minus start offset. */
public final class TopicCounts {

    private final Map<String, Object> operator;

    /** {@code operator}: the broker's address and the operator's login. */
    public TopicCounts(Map<String, Object> operator) {
        this.operator = Map.copyOf(operator);
    }

    public long records(String topic) throws Exception {
        try (Admin admin = Admin.create(operator)) {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartition tp : partitions) {
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }
            var start = admin.listOffsets(earliest).all().get();
            var end = admin.listOffsets(latest).all().get();
            long total = 0;
            for (TopicPartition tp : partitions) {
                total += end.get(tp).offset() - start.get(tp).offset();
            }
            return total;
        }
    }
}
