package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A packaged service (production profile) has no default for its PostgreSQL passwords: started without one, it exits
 * at once, non-zero, naming the missing variable, instead of trying a guessable password. No stack needed: the
 * service stops while reading its configuration, before it connects to anything. The same holds for the
 * renewal-service's payment webhook secret.
 */
class ProductionPasswordsSystemTest {

    private static final Path JAR = RepoRoot.path().resolve("ledger-service/target/quarkus-app/quarkus-run.jar");
    private static final Path RENEWAL_JAR = RepoRoot.path().resolve("renewal-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void withoutTheRuntimePasswordTheServiceRefusesToStart() throws Exception {
        Map<String, String> env = completeEnvironment();
        env.remove("DB_PASSWORD");
        Exit exit = start(env);
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("DB_PASSWORD").contains("quarkus.datasource.password");
    }

    @Test
    void withoutTheMigrationPasswordTheServiceRefusesToStart() throws Exception {
        Map<String, String> env = completeEnvironment();
        env.remove("DB_MIGRATION_PASSWORD");
        Exit exit = start(env);
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("DB_MIGRATION_PASSWORD").contains("quarkus.flyway.password");
    }

    @Test
    void withoutThePaymentWebhookSecretTheRenewalServiceRefusesToStart() throws Exception {
        Map<String, String> env = completeEnvironment();
        Exit exit = start(RENEWAL_JAR, env);
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("PAYMENT_WEBHOOK_SECRET").contains("cec.payments.webhook-secret");
    }

    /** Everything a service needs (pointing at nothing that listens), so only the removed variable is missing. */
    private static Map<String, String> completeEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("KAFKA_PASSWORD", "unused");
        env.put("DB_PORT", "1");
        env.put("DB_PASSWORD", "unused");
        env.put("DB_MIGRATION_PASSWORD", "unused");
        env.put("JWT_JWKS_LOCATION", "http://127.0.0.1:1/jwks.json");
        env.put("MANAGEMENT_PORT", "0");
        return env;
    }

    private record Exit(int code, String output) {
    }

    private static Exit start(Map<String, String> env) throws IOException, InterruptedException {
        return start(JAR, env);
    }

    private static Exit start(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        assertThat(jar).as("the packaged service (mvn verify packages it before the system tests)").isRegularFile();
        Path log = Files.createTempFile("production-passwords", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the service did not exit within 60 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Exit(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
