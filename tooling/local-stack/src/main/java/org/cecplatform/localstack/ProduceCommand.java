package org.cecplatform.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Produces one record as an external system would (plain JSON value, a key, no CloudEvent headers), e.g. an LMS
 * completion on {@code lms.course-completions.v1}: lets a person try the intake topics without Kafka's CLI.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Produces one record (key and JSON value) to a topic of the running stack and prints where it landed.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Default: $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092.")
    String bootstrapServers;

    @Option(names = "--as", paramLabel = "PRINCIPAL",
            description = "Whom to log in to Kafka as (lms, meetings, a service, operator). Default: the topic's writer "
                    + "in the rights table, e.g. lms for lms.course-completions.v1.")
    String principal;

    @Parameters(index = "0", description = "Topic, e.g. lms.course-completions.v1 or meetings.attendance.v1.")
    String topic;

    @Parameters(index = "1", description = "Record key (the intake topics use the member id).")
    String key;

    @Parameters(index = "2", description = "Record value: the JSON message.")
    String value;

    @Override
    public Integer call() throws Exception {
        // The paths first: client warnings go to the data folder's logs, not to the console.
        KafkaLogins logins = KafkaLogins.ofRunningStack(dataDir.paths(), bootstrapServers);
        Map<String, Object> settings = principal == null ? logins.asWriterOf(topic) : logins.as(principal);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            RecordMetadata sent;
            try {
                sent = producer.send(new ProducerRecord<>(topic, key, value)).get(45, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // e.g. the broker refuses a principal that may not write this topic: say so, without a stack trace
                System.out.printf("not produced to %s: %s%n", topic, e.getCause().getMessage());
                return 1;
            }
            System.out.printf("produced %s-%d@%d%n", sent.topic(), sent.partition(), sent.offset());
            producer.close(Duration.ofSeconds(5));
        }
        return 0;
    }
}
