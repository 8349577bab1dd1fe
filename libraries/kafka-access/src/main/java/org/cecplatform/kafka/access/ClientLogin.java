package org.cecplatform.kafka.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/** The settings of a Kafka client that logs in as a principal with SASL (PLAIN on a loopback broker, or SCRAM). */
public final class ClientLogin {

    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private ClientLogin() {
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} for {@code principal}. */
    public static Map<String, Object> properties(String mechanism, String principal, String password) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
        props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(loginModule(mechanism), principal, password));
        return props;
    }

    /** The JAAS login module of a SASL mechanism. */
    public static String loginModule(String mechanism) {
        return switch (mechanism) {
            case SaslPlain.MECHANISM -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            default -> throw new IllegalArgumentException("unsupported SASL mechanism '" + mechanism
                    + "' (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)");
        };
    }

    static String jaas(String loginModule, String principal, String password) {
        return loginModule + " required" + option("username", principal) + option("password", password) + ";";
    }

    static String option(String name, String value) {
        if (value.contains("\"") || value.contains("\\")) {
            throw new IllegalArgumentException("a JAAS value may not contain quotes or backslashes: " + name);
        }
        return " " + name + "=\"" + value + "\"";
    }
}
