package org.cecplatform.testsupport;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;

/**
 * What the services' consumers refused: the records of a topic's dead-letter topic ({@code <topic>.dlq}), and the
 * reasons the platform gives for the refusals every consumer of a product topic makes (SPEC §6).
 */
public final class TestDeadLetters {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestDeadLetters() {
    }

    /** The dead letters of {@code topic} under one of these keys, waiting until {@code expected} arrived. */
    public static List<ConsumerRecord<String, String>> of(String topic, int expected, String... keys) {
        List<String> wanted = List.of(keys);
        return TestKafka.read(Topics.deadLetter(topic), r -> wanted.contains(r.key()), expected, WAIT);
    }

    /** The reasons of the dead letters of {@code topic} under this key, waiting until {@code expected} arrived. */
    public static List<String> reasons(String topic, String key, int expected) {
        return of(topic, expected, key).stream().map(TestDeadLetters::reason).toList();
    }

    /** Every dead letter of {@code topic} under this key within a few seconds: to prove that none arrives. */
    public static List<ConsumerRecord<String, String>> within(String topic, String key, Duration window) {
        return TestKafka.readAll(Topics.deadLetter(topic), r -> key.equals(r.key()), window);
    }

    public static String reason(ConsumerRecord<?, ?> deadLetter) {
        return TestKafka.header(deadLetter, CloudEventHeaders.DLQ_REASON);
    }

    /** The consumer that refused the record. */
    public static String consumer(ConsumerRecord<?, ?> deadLetter) {
        return TestKafka.header(deadLetter, CloudEventHeaders.DLQ_CONSUMER);
    }

    /** An event of a product topic whose {@code ce_source} is not its owner's; {@code found} null when it had none. */
    public static String notFromTheOwner(String topic, String found) {
        return "an event on " + topic + " must have ce_source " + Topics.ownerSource(topic).orElseThrow()
                + " (the topic's owner); found " + (found == null ? "none" : found);
    }
}
