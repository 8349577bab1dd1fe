package org.cecplatform.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.cecplatform.contract.Topics;

/** Creates the contract's topics ({@link Topics}) and their dead-letter topics when they are absent. */
final class TopicCreator {

    static final int PARTITIONS = 6;
    static final short REPLICATION = 1;

    private final Map<String, Object> operator;

    /** {@code operator}: the address and the operator's login (topic creation is the operator's right). */
    TopicCreator(Map<String, Object> operator) {
        this.operator = operator;
    }

    static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        // Event topics are the record projections are rebuilt from: never delete from them.
        for (String name : Topics.EVENTS) {
            topics.add(new NewTopic(name, PARTITIONS, REPLICATION).configs(Map.of("retention.ms", "-1")));
        }
        for (String name : Topics.INTAKE) {
            topics.add(new NewTopic(name, PARTITIONS, REPLICATION));
        }
        for (String name : Topics.DEAD_LETTERS) {
            topics.add(new NewTopic(name, PARTITIONS, REPLICATION));
        }
        return topics;
    }

    /** Returns how many topics were created. */
    int ensureTopics() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Object> settings = new HashMap<>(operator);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return 0;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Someone else (e.g. auto-creation by a client) got there first: fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return missing.size();
        }
    }
}
