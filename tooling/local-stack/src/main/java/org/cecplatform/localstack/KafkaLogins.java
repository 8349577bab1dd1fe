package org.cecplatform.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.cecplatform.kafka.access.ClientLogin;
import org.cecplatform.kafka.access.KafkaCredentials;
import org.cecplatform.kafka.access.KafkaRights;
import org.cecplatform.kafka.access.SaslPlain;

/**
 * The stack's broker as its clients see it: its address and a login for each principal of the rights table
 * ({@link KafkaRights}), with the passwords kept in the data folder ({@code kafka-credentials.properties}). Every
 * client the stack and its tools build (topics, produce, demo data, system tests, the benchmark) logs in through here.
 */
public final class KafkaLogins {

    /** The SASL mechanism of an existing cluster's principals ({@code up} with KAFKA_BOOTSTRAP_SERVERS). */
    static final String EXISTING_CLUSTER_MECHANISM_VARIABLE = "KAFKA_SASL_MECHANISM";

    private static final KafkaRights RIGHTS = KafkaRights.shipped();

    private final String bootstrapServers;
    private final String mechanism;
    private final KafkaCredentials credentials;

    KafkaLogins(String bootstrapServers, String mechanism, KafkaCredentials credentials) {
        this.bootstrapServers = bootstrapServers;
        this.mechanism = mechanism;
        this.credentials = credentials;
    }

    /** The logins of a running stack, for a command run beside it: its data folder's credentials. */
    static KafkaLogins ofRunningStack(StackPaths paths, String bootstrapServers) {
        Path file = paths.kafkaCredentials();
        try {
            return new KafkaLogins(bootstrapServers, mechanismOf(System.getenv()), KafkaCredentials.load(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("No Kafka credentials in " + file + ": start the stack on this data folder "
                    + "first (deploy/run-local.sh), or point --data-dir / CEC_STACK_DATA at its data folder", e);
        }
    }

    /** PLAIN for the stack's own broker; an existing cluster's mechanism comes from {@value #EXISTING_CLUSTER_MECHANISM_VARIABLE}. */
    static String mechanismOf(Map<String, String> env) {
        String configured = env.get(EXISTING_CLUSTER_MECHANISM_VARIABLE);
        return configured == null || configured.isBlank() ? SaslPlain.MECHANISM : configured;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String mechanism() {
        return mechanism;
    }

    String password(String principal) {
        return credentials.password(principal);
    }

    /** A client's address and login as {@code principal}; add the client's own settings to the (mutable) map. */
    public Map<String, Object> as(String principal) {
        Map<String, Object> props = new HashMap<>(ClientLogin.properties(mechanism, principal, credentials.password(principal)));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** Logged in as the operator: topics, group resets, replays, reading any topic. */
    public Map<String, Object> asOperator() {
        return as(KafkaRights.OPERATOR);
    }

    /**
     * Logged in as the one who writes {@code topic}: its owner in the rights table (an integration, a service), or the
     * operator for a topic the table gives to nobody (a dead-letter topic, a probe or benchmark topic).
     */
    public Map<String, Object> asWriterOf(String topic) {
        return as(RIGHTS.ownerOf(topic).orElse(KafkaRights.OPERATOR));
    }

    /** The broker's own login: the only super user, used to grant the table's rights. */
    Map<String, Object> asBroker() {
        return as(KafkaCredentials.BROKER);
    }
}
