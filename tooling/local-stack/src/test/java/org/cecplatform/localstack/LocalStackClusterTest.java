package org.cecplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's settings, without starting anything. */
class LocalStackClusterTest {

    @TempDir
    Path dir;

    @Test
    void freePortsAreDistinctAndExplicitPortsAreKept() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().servicePort(PlatformService.AUDIT, 18083).build();
        Set<Integer> ports = new HashSet<>(List.of(stack.postgres().port(), Integer.parseInt(stack.bootstrapServers().split(":")[1]),
                stack.port(PlatformService.LEDGER), stack.port(PlatformService.RENEWAL), stack.port(PlatformService.AUDIT),
                stack.jwksPort(), stack.managementPort(PlatformService.LEDGER), stack.managementPort(PlatformService.RENEWAL),
                stack.managementPort(PlatformService.AUDIT)));
        assertThat(ports).hasSize(9);
        assertThat(stack.port(PlatformService.AUDIT)).isEqualTo(18083);
        assertThat(stack.baseUrl(PlatformService.AUDIT)).isEqualTo("http://127.0.0.1:18083");
    }

    @Test
    void withoutFreePortsTheLaunchersDefaultsApply() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).build();
        assertThat(stack.postgres().port()).isEqualTo(15432);
        assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(stack.jdbcUrl("ledger")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/ledger");
        assertThat(List.of(stack.port(PlatformService.LEDGER), stack.port(PlatformService.RENEWAL), stack.port(PlatformService.AUDIT)))
                .containsExactly(8081, 8082, 8083);
        assertThat(stack.jwksUrl()).isEqualTo("http://127.0.0.1:8090/jwks.json");
        assertThat(List.of(stack.managementPort(PlatformService.LEDGER), stack.managementPort(PlatformService.RENEWAL),
                stack.managementPort(PlatformService.AUDIT))).containsExactly(9081, 9082, 9083);
        assertThat(stack.managementUrl(PlatformService.AUDIT)).isEqualTo("http://127.0.0.1:9083");
    }

    @Test
    void servicesGetTheConfigurationContractAndExtraVariablesOverrideIt() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts()
                .env("CEC_JOBS_EVERY", "3600s")
                .env("CEC_CLOCK_SETTABLE", "false")
                .env(PlatformService.RENEWAL, "CEC_CLOCK_SETTABLE", "true")
                .build();
        assertThat(stack.environment(PlatformService.LEDGER))
                .containsKeys("HTTP_HOST", "HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD",
                        "JWT_MAX_AGE_SECONDS")
                .containsEntry("DB_NAME", "ledger")
                .containsEntry("JWT_JWKS_LOCATION", stack.jwksUrl())
                .containsEntry("DB_USER", "ledger_app")
                .containsEntry("DB_MIGRATION_USER", "ledger_owner")
                .containsKeys("DB_MIGRATION_PASSWORD")
                .containsEntry("JWT_ISSUER", "cec-platform")
                .containsEntry("JWT_AUDIENCE", "cec-platform")
                .containsEntry("HTTP_PORT", Integer.toString(stack.port(PlatformService.LEDGER)))
                .containsEntry("MANAGEMENT_PORT", Integer.toString(stack.managementPort(PlatformService.LEDGER)))
                .containsEntry("MANAGEMENT_HOST", "127.0.0.1")
                .containsEntry("CEC_JOBS_EVERY", "3600s")
                .containsEntry("CEC_CLOCK_SETTABLE", "false");
        assertThat(stack.environment(PlatformService.RENEWAL)).containsEntry("CEC_CLOCK_SETTABLE", "true").containsEntry("DB_NAME", "renewal");
        // each service its own roles, with passwords of its own (none is the administrator's)
        assertThat(stack.environment(PlatformService.RENEWAL)).containsEntry("DB_USER", "renewal_app");
        assertThat(List.of(stack.environment(PlatformService.LEDGER).get("DB_PASSWORD"),
                stack.environment(PlatformService.LEDGER).get("DB_MIGRATION_PASSWORD"),
                stack.environment(PlatformService.RENEWAL).get("DB_PASSWORD"), stack.postgres().password()))
                .doesNotHaveDuplicates();
    }

    @Test
    void theNotificationServiceSendsToTheStacksSmtpServerAndNamesTheStacksAuditService() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().build();
        assertThat(stack.environment(PlatformService.NOTIFICATION))
                .containsEntry("SMTP_HOST", "127.0.0.1")
                .containsEntry("SMTP_PORT", Integer.toString(stack.smtpPort()))
                .containsEntry("SMTP_START_TLS", "DISABLED")
                .containsEntry("AUDIT_SERVICE_PUBLIC_URL", stack.baseUrl(PlatformService.AUDIT))
                .containsEntry("DB_NAME", "notification")
                .containsEntry("KAFKA_USERNAME", "notification-service")
                .containsEntry("RENEWAL_SERVICE_URL", stack.baseUrl(PlatformService.RENEWAL))
                .containsEntry("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + stack.jwksPort())
                .containsEntry("OIDC_CLIENT_ID", "notification-service")
                .containsKey("OIDC_CLIENT_SECRET");
        assertThat(stack.environment(PlatformService.AUDIT)).doesNotContainKey("SMTP_HOST");
        assertThat(stack.mailboxUrl()).startsWith("http://127.0.0.1:").endsWith("/messages");
    }

    @Test
    void aStackRunsOnlyItsServices() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().services(PlatformService.LEDGER).build();
        assertThat(stack.services()).containsExactly(PlatformService.LEDGER);
        assertThatThrownBy(() -> stack.baseUrl(PlatformService.AUDIT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit-service is not part of this stack");
    }

    @Test
    void servicesNeedTheInfrastructureFirst() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().build();
        assertThatThrownBy(() -> stack.startService(PlatformService.LEDGER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("startInfrastructure");
    }

    @Test
    void anInProcessBrokerCannotBeKilled() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().build();
        assertThatThrownBy(stack::killKafka).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("child process");
        assertThat(stack.kafkaPid()).isEmpty();
    }

    @Test
    void nothingStartsAfterClose() {
        LocalStackCluster stack = LocalStackCluster.builder().dataDir(dir).freePorts().build();
        stack.close();
        assertThatThrownBy(stack::startInfrastructure).isInstanceOf(IllegalStateException.class).hasMessageContaining("Shutting down");
    }

    @Test
    void servicesAreNamedByModuleOrDatabase() {
        assertThat(PlatformService.named("ledger")).isEqualTo(PlatformService.LEDGER);
        assertThat(PlatformService.named("renewal-service")).isEqualTo(PlatformService.RENEWAL);
        assertThat(PlatformService.named("AUDIT")).isEqualTo(PlatformService.AUDIT);
        assertThatThrownBy(() -> PlatformService.named("billing")).isInstanceOf(IllegalArgumentException.class);
    }
}
