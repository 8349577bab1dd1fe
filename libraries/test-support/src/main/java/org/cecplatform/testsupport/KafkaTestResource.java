package org.cecplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.cecplatform.kafka.access.KafkaAcls;
import org.cecplatform.kafka.access.KafkaCredentials;
import org.cecplatform.kafka.access.KafkaRights;
import org.cecplatform.kafka.access.SaslPlain;

/**
 * A real Kafka broker (KRaft, one combined broker+controller node) inside the test JVM, secured as the product's
 * brokers are: SASL/PLAIN logins only, deny by default, the ACLs of the rights table ({@link KafkaRights}). No
 * Docker, no mocks: the services' producers, consumers, dead-letter topics and CloudEvent headers are exercised for
 * real, each service as its own principal.
 *
 * <p>Init argument {@value #PRINCIPAL}: whom the application under test logs in as (default: the operator).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PRINCIPAL = "principal";
    private static final String BROKER_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String PLAIN_SERVER_PROVIDER = "org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider";

    private static volatile String bootstrapServers;
    private static volatile KafkaCredentials credentials;
    private KafkaClusterTestKit cluster;
    private String principal = KafkaRights.OPERATOR;

    /** The running broker's address, for test clients. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("the Kafka test broker is not running");
        }
        return bootstrapServers;
    }

    /** Connection settings of a client logged in as {@code principal}: the address and the SASL login. */
    public static Map<String, Object> clientProperties(String principal) {
        Map<String, Object> props = new HashMap<>(SaslPlain.clientProperties(credentials(), principal));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    private static KafkaCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("the Kafka test broker is not running");
        }
        return credentials;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        principal = initArgs.getOrDefault(PRINCIPAL, KafkaRights.OPERATOR);
    }

    @Override
    public Map<String, String> start() {
        try {
            KafkaRights rights = KafkaRights.shipped();
            KafkaCredentials generated = KafkaCredentials.generate(rights);
            forgetPlainServerOfEarlierApplications();
            Path base = Files.createDirectories(Path.of("target", "kafka-test"));
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerListenerName(new ListenerName(BROKER_LISTENER))
                    .setControllerListenerName(new ListenerName(CONTROLLER_LISTENER))
                    .setBaseDirectory(Files.createTempDirectory(base, "kraft"))
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("auto.create.topics.enable", "true");
            // SASL on both listeners through our own settings: the test kit's SASL option would also install a
            // JVM-wide JAAS file with its own users.
            builder.setConfigProp("listener.security.protocol.map", BROKER_LISTENER + ":" + SaslPlain.PROTOCOL + ","
                    + CONTROLLER_LISTENER + ":" + SaslPlain.PROTOCOL);
            SaslPlain.brokerProperties(generated, BROKER_LISTENER, CONTROLLER_LISTENER).forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrapServers = cluster.bootstrapServers();
            credentials = generated;
            grantRightsAndCreateTopics(rights);
            return Map.of(
                    "kafka.bootstrap.servers", bootstrapServers,
                    "kafka.sasl.mechanism", SaslPlain.MECHANISM,
                    "cec.kafka.username", principal,
                    "cec.kafka.password", generated.password(principal));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Kafka test broker", e);
        }
    }

    /**
     * Kafka registers its SASL/PLAIN server as a JVM-wide security provider, once. When a test profile restarts the
     * resources, this class and the broker's come from the new application's class loader, and the provider left by
     * the previous one would hand the new broker callbacks of the old classes: every login would be refused. Removing
     * it lets the new broker register its own.
     */
    private static void forgetPlainServerOfEarlierApplications() {
        for (Provider provider : Security.getProviders()) {
            if (provider.getClass().getName().equals(PLAIN_SERVER_PROVIDER)
                    && provider.getClass().getClassLoader() != KafkaTestResource.class.getClassLoader()) {
                Security.removeProvider(provider.getName());
            }
        }
    }

    /** The rights table's ACLs, and its topics made up front (nobody but the operator may create one). */
    private static void grantRightsAndCreateTopics(KafkaRights rights) throws Exception {
        try (Admin admin = Admin.create(clientProperties(KafkaCredentials.BROKER))) {
            KafkaAcls.sync(admin, rights);
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : rights.topics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 6, (short) 1));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka test broker", e);
        } finally {
            bootstrapServers = null;
            credentials = null;
        }
    }
}
