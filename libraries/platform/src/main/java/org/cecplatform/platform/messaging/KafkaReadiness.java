package org.cecplatform.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker answers. Asks with a short timeout, so that a probe gets a prompt DOWN while Kafka is
 * away (the stock check waits for the admin client's 60 s default).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 3_000;

    private final Admin admin;

    public KafkaReadiness(KafkaConnection connection) {
        Map<String, Object> settings = connection.settings();
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check");
        this.admin = Admin.create(settings);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
                    .nodes().get(TIMEOUT_MILLIS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
