package org.cecplatform.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.cecplatform.platform.api.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far behind each of this service's consumer groups is: per partition the committed offset, the end offset and
 * the lag. Asked with an admin client on the service's own Kafka login (its principal may describe its own groups
 * and the topics it reads: the Read right implies Describe), with short timeouts; a broker that does not answer in
 * time is a 503 problem.
 */
@ApplicationScoped
public class ConsumerLag {

    static final int TIMEOUT_MILLIS = 3_000;

    /** One partition of a group's topic. {@code committedOffset} is null while the group has committed nothing. */
    public record PartitionLag(String topic, int partition, @Schema(nullable = true) Long committedOffset, long endOffset,
                               long lag) {
    }

    /** A group's partitions and the sum of their lags. */
    public record GroupLag(String group, List<PartitionLag> partitions, long totalLag) {
    }

    private final ConsumerGroups groups;
    private final Admin admin;

    public ConsumerLag(ConsumerGroups groups, KafkaConnection connection) {
        this.groups = groups;
        Map<String, Object> settings = connection.settings();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
        this.admin = Admin.create(settings);
    }

    public List<GroupLag> all() {
        List<GroupLag> answer = new ArrayList<>();
        for (ConsumerGroups.Group group : groups.all()) {
            answer.add(lag(group));
        }
        return answer;
    }

    private GroupLag lag(ConsumerGroups.Group group) {
        Map<String, TopicDescription> topics = await(admin.describeTopics(group.topics()).allTopicNames().toCompletionStage()
                .toCompletableFuture());
        List<TopicPartition> partitions = topics.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .sorted(java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .toList();
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group.group())
                .partitionsToOffsetAndMetadata().toCompletionStage().toCompletableFuture());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        List<PartitionLag> lags = new ArrayList<>();
        long total = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            long end = ends.get(tp);
            // Nothing committed yet: the group starts from the earliest record still kept (auto.offset.reset=earliest).
            long lag = Math.max(0, end - (c == null ? starts.get(tp) : c.offset()));
            lags.add(new PartitionLag(tp.topic(), tp.partition(), c == null ? null : c.offset(), end, lag));
            total += lag;
        }
        return new GroupLag(group.group(), lags, total);
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = await(admin.listOffsets(request).all()
                .toCompletionStage().toCompletableFuture());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static <T> T await(java.util.concurrent.Future<T> answer) {
        try {
            return answer.get(TIMEOUT_MILLIS + 500L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e.getCause() == null ? e : e.getCause());
        }
    }

    private static ProblemException unavailable(Throwable cause) {
        return new ProblemException(503, "kafka-unavailable", "Kafka unavailable",
                "The broker did not answer about the consumer groups: " + cause.getMessage(), List.of());
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
