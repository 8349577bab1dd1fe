package org.cecplatform.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * How this service reaches and logs in to the broker (address, security protocol, SASL and TLS settings), taken from
 * the same {@code kafka.*} configuration the messaging connector uses: a client built by hand (the readiness check, a
 * topic replay) authenticates exactly as the connector's do.
 */
@ApplicationScoped
public class KafkaConnection {

    private final Map<String, Object> settings;

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        this.settings = Map.copyOf(settings);
    }

    /** A fresh copy of the settings, for a client to add its own to. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }
}
