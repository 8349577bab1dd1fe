package org.cecplatform.localstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where everything lives: the repository (service jars) and the data folder (state kept across restarts). */
record StackPaths(Path repoRoot, Path data) {

    Path logs() { return data.resolve("logs"); }
    Path pids() { return data.resolve("pids"); }
    Path jwt() { return data.resolve("jwt"); }
    Path kafka() { return data.resolve("kafka"); }
    /** A password per Kafka principal (made on the first start, readable only by its owner). */
    Path kafkaCredentials() { return data.resolve("kafka-credentials.properties"); }
    Path paymentWebhookSecret() { return data.resolve("payment-webhook-secret"); }
    /** A password per PostgreSQL service role (made on the first start, readable only by its owner). */
    Path postgresCredentials() { return data.resolve("postgres-credentials.properties"); }
    Path postgresData() { return data.resolve("postgres/data"); }
    /** Zonky's working directory (unpacked binaries); kept apart from the data directory, which zonky would otherwise scan for stale instances. */
    Path postgresWork() { return data.resolve("postgres/work"); }
    Path lockFile() { return data.resolve("launcher.lock"); }

    Path serviceJar(String service) {
        return repoRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The repository root is the nearest ancestor of this jar (or classes folder) that holds local-stack/pom.xml. */
    static Path locateRepoRoot() {
        try {
            Path start = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("tooling/local-stack/pom.xml"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
