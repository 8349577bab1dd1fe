package org.cecplatform.localstack;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the topics of a running stack with their partitions, replication and retention: a quick check without Kafka's CLI. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Lists the Kafka topics of the running stack.")
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Default: $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        // The paths first: client warnings go to the data folder's logs, not to the console.
        Map<String, Object> settings = KafkaLogins.ofRunningStack(dataDir.paths(), bootstrapServers).asOperator();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(settings)) {
            Collection<String> names = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions = new TreeMap<>(admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS));
            List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<String, Config> configs = admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
            System.out.printf("%-34s %10s %11s %14s%n", "TOPIC", "PARTITIONS", "REPLICATION", "RETENTION.MS");
            descriptions.forEach((name, d) -> System.out.printf("%-34s %10d %11d %14s%n", name, d.partitions().size(),
                    d.partitions().get(0).replicas().size(), configs.get(name).get("retention.ms").value()));
        }
        return 0;
    }
}
