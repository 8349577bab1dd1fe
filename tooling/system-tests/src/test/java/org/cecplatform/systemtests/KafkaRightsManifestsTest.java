package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.cecplatform.kafka.access.KafkaAcls;
import org.cecplatform.kafka.access.KafkaRights;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deployments grant exactly the rights table (kafka-access's {@code kafka-rights.txt}): the Strimzi KafkaUsers of
 * deploy/kubernetes, which cannot run here, and the ACL list deploy/compose applies. Compared ACL by ACL
 * ({@code principal type pattern name Operation}); a failure lists what is missing and what is extra. No stack needed.
 */
class KafkaRightsManifestsTest {

    private static final Path ROOT = RepoRoot.path();
    private static final TreeSet<String> TABLE = canonical(KafkaAcls.of(KafkaRights.shipped()));

    @Test
    void theKubernetesKafkaUsersGrantExactlyTheRightsTable() {
        TreeSet<String> granted = new TreeSet<>();
        List<String> principals = new ArrayList<>();
        for (JsonNode user : kubernetesDocuments("KafkaUser")) {
            String principal = user.path("metadata").path("name").asText();
            principals.add(principal);
            assertThat(user.path("spec").path("authentication").path("type").asText()).as(principal + " authentication")
                    .isEqualTo("scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).as(principal + " authorization")
                    .isEqualTo("simple");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                String name = type.equals("cluster") ? KafkaAcls.CLUSTER : resource.path("name").asText();
                for (JsonNode operation : acl.path("operations")) {
                    granted.add(String.join(" ", principal, type, resource.path("patternType").asText("literal"), name,
                            operation.asText()));
                }
            }
        }
        assertThat(principals).as("KafkaUsers").containsExactlyInAnyOrderElementsOf(KafkaRights.shipped().principals());
        assertSameRights(granted, "deploy/kubernetes KafkaUsers");
    }

    @Test
    void theKubernetesBrokerAuthenticatesEveryListenerAndAuthorisesWithAcls() {
        List<JsonNode> clusters = kubernetesDocuments("Kafka");
        assertThat(clusters).hasSize(1);
        JsonNode kafka = clusters.get(0).path("spec").path("kafka");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("listeners")).isNotEmpty().allSatisfy(listener ->
                assertThat(listener.path("authentication").path("type").asText()).as(listener.path("name").asText())
                        .isEqualTo("scram-sha-512"));
    }

    @Test
    void theComposeAclListGrantsExactlyTheRightsTable() throws IOException {
        TreeSet<String> granted = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/compose/kafka-acls.txt"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            assertThat(columns).as(line).hasSize(5);
            for (String operation : columns[4].split(",")) {
                granted.add(String.join(" ", columns[0], columns[1], columns[2], columns[3], operation));
            }
        }
        assertSameRights(granted, "deploy/compose/kafka-acls.txt");
    }

    private static void assertSameRights(TreeSet<String> granted, String where) {
        TreeSet<String> missing = new TreeSet<>(TABLE);
        missing.removeAll(granted);
        TreeSet<String> extra = new TreeSet<>(granted);
        extra.removeAll(TABLE);
        assertThat(missing).as(where + " lacks these rights of the table").isEmpty();
        assertThat(extra).as(where + " grants these rights the table does not").isEmpty();
    }

    /** {@code principal type pattern name Operation}, as Strimzi and kafka-acls.sh spell them. */
    private static TreeSet<String> canonical(Iterable<AclBinding> acls) {
        TreeSet<String> lines = new TreeSet<>();
        for (AclBinding acl : acls) {
            String principal = acl.entry().principal().substring("User:".length());
            String type = acl.pattern().resourceType().name().toLowerCase(Locale.ROOT);
            String pattern = acl.pattern().patternType() == PatternType.PREFIXED ? "prefix" : "literal";
            lines.add(String.join(" ", principal, type, pattern, acl.pattern().name(), camel(acl.entry().operation().name())));
        }
        return lines;
    }

    /** DESCRIBE_CONFIGS → DescribeConfigs. */
    private static String camel(String constant) {
        return Stream.of(constant.split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    private static List<JsonNode> kubernetesDocuments(String kind) {
        return YamlDocuments.ofKind(ROOT.resolve("deploy/kubernetes"), kind);
    }
}
