package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The topic names that files outside Java must spell out agree with the contract ({@link Topics}): the topics the
 * deployments create (the Strimzi KafkaTopics of deploy/kubernetes, compose's kafka-setup.sh) are exactly the
 * contract's and their dead-letter topics, the event topics kept forever; the services' channels name only the
 * contract's topics, each service publishing to the topic it owns. The topics the Kafka rights name (kafka-rights.txt,
 * the KafkaUsers, compose's kafka-acls.txt) are held to the contract by kafka-access' KafkaRightsTest and
 * {@link KafkaRightsManifestsTest}. No stack needed.
 */
class TopicManifestsTest {

    private static final Path ROOT = RepoRoot.path();
    /** {@code mp.messaging.incoming.<channel>.topic=...} (or outgoing), with or without a profile. */
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("(?m)^(?:%[\\w,-]+\\.)?mp\\.messaging\\.(incoming|outgoing)\\.([\\w-]+)\\.topic\\s*=\\s*(\\S+)\\s*$");
    /** A bash array of topics in kafka-setup.sh: {@code EVENT_TOPICS=(a b c)}. */
    private static final Pattern SCRIPT_TOPIC_LIST = Pattern.compile("(?m)^(\\w+_TOPICS)=\\(([^)]*)\\)\\s*$");
    /** Anything in a script that looks like one of the product's topic names (versioned, maybe a dead-letter topic). */
    private static final Pattern TOPIC_LIKE = Pattern.compile("\\b[a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.v\\d+(?:\\.dlq)?\\b");

    @Test
    void kubernetesCreatesExactlyTheContractsTopicsAndKeepsTheEventTopicsForever() {
        Map<String, JsonNode> created = new TreeMap<>();
        for (JsonNode topic : kubernetesDocuments("KafkaTopic")) {
            created.put(topic.path("spec").path("topicName").asText(), topic);
        }
        // AssertJ names the topics missing and the ones the contract does not know.
        assertThat(created.keySet()).as("the topics of the deploy/kubernetes KafkaTopics")
                .containsExactlyInAnyOrderElementsOf(contractTopicsWithDeadLetters());
        created.forEach((name, topic) -> assertThat(topic.path("spec").path("config").path("retention.ms").asText())
                .as(name + " retention.ms").isEqualTo(Topics.EVENTS.contains(name) ? "-1" : ""));
    }

    @Test
    void composeCreatesExactlyTheContractsTopicsAndKeepsTheEventTopicsForever() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/compose/kafka-setup.sh"));
        Map<String, List<String>> lists = new TreeMap<>();
        Matcher list = SCRIPT_TOPIC_LIST.matcher(script);
        while (list.find()) {
            lists.put(list.group(1), List.of(list.group(2).strip().split("\\s+")));
        }
        assertThat(lists).as("the topic lists of kafka-setup.sh").containsOnlyKeys("EVENT_TOPICS", "INTAKE_TOPICS");
        assertThat(lists.get("EVENT_TOPICS")).as("EVENT_TOPICS of kafka-setup.sh").isEqualTo(Topics.EVENTS);
        assertThat(lists.get("INTAKE_TOPICS")).as("INTAKE_TOPICS of kafka-setup.sh").isEqualTo(Topics.INTAKE);
        // What the script does with the lists: event topics kept forever, a dead-letter topic for every topic.
        assertThat(oneLine(script))
                .contains("for topic in \"${EVENT_TOPICS[@]}\"; do create \"$topic\" --config retention.ms=-1")
                .contains("for topic in \"${INTAKE_TOPICS[@]}\"; do create \"$topic\" done")
                .contains("for topic in \"${EVENT_TOPICS[@]}\" \"${INTAKE_TOPICS[@]}\"; do create \"$topic.dlq\" done");
        assertThat(topicLikeWords(script)).as("topic names in kafka-setup.sh")
                .isSubsetOf(contractTopicsWithDeadLetters());
    }

    @Test
    void theServicesChannelsNameOnlyTheContractsTopicsAndEachPublishesToItsOwn() throws IOException {
        Set<String> named = new TreeSet<>();
        for (PlatformService service : PlatformService.values()) {
            Path file = ROOT.resolve(service.moduleName()).resolve("src/main/resources/application.properties");
            Matcher channel = CHANNEL_TOPIC.matcher(Files.readString(file));
            List<String> outbox = new ArrayList<>();
            while (channel.find()) {
                String where = ROOT.relativize(file) + " " + channel.group(1) + " channel " + channel.group(2);
                String topic = channel.group(3);
                // Dead letters are addressed per record (Topics.deadLetter), never by a channel.
                assertThat(Topics.ALL).as(where + " names a topic the contract does not know").contains(topic);
                named.add(topic);
                if (channel.group(1).equals("outgoing") && channel.group(2).equals("outbox")) {
                    outbox.add(topic);
                }
            }
            assertThat(outbox).as(service.moduleName() + " publishes (outbox channel) to the topic it owns")
                    .hasSize(1).allSatisfy(topic -> assertThat(Topics.owner(topic)).contains(service.moduleName()));
        }
        assertThat(named).as("the contract's topics that some service's channel names").isEqualTo(new TreeSet<>(Topics.ALL));
    }

    private static Set<String> contractTopicsWithDeadLetters() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        topics.addAll(Topics.DEAD_LETTERS);
        return topics;
    }

    private static Set<String> topicLikeWords(String text) {
        Set<String> words = new TreeSet<>();
        Matcher word = TOPIC_LIKE.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** The script without comments, its words separated by single spaces: what it runs, whatever the layout. */
    private static String oneLine(String script) {
        return String.join(" ", script.lines().map(line -> line.replaceAll("\\s+#.*$|^\\s*#.*$", "")).toList())
                .replaceAll("\\s+", " ");
    }

    private static List<JsonNode> kubernetesDocuments(String kind) {
        return YamlDocuments.ofKind(ROOT.resolve("deploy/kubernetes"), kind);
    }
}
