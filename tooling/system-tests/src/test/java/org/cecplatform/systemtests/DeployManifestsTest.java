package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Compose file and the Kubernetes manifests parse, are well formed, probe the services' health endpoints, and
 * give the services only variables they read (a misspelt or stale variable is silently ignored by a service; here it
 * fails the build). No stack needed.
 */
class DeployManifestsTest {

    private static final Path ROOT = RepoRoot.path();
    private static final Path COMPOSE = ROOT.resolve("deploy/compose");
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES = Stream.of(PlatformService.values()).map(PlatformService::moduleName).toList();
    private static final String CONSOLE = "staff-console";

    @Test
    void everyYamlFileParses() {
        List<Path> compose = yamlFiles(COMPOSE);
        List<Path> kubernetes = yamlFiles(KUBERNETES);
        assertThat(compose).as("YAML files in " + COMPOSE).isNotEmpty();
        assertThat(kubernetes).as("YAML files in " + KUBERNETES).isNotEmpty();
        for (Path file : concat(compose, kubernetes)) {
            assertThat(YamlDocuments.read(file)).as(ROOT.relativize(file).toString()).isNotEmpty();
        }
    }

    @Test
    void everyKubernetesDocumentHasApiVersionKindAndName() {
        for (Path file : yamlFiles(KUBERNETES)) {
            List<JsonNode> documents = YamlDocuments.read(file);
            for (int i = 0; i < documents.size(); i++) {
                JsonNode document = documents.get(i);
                String where = ROOT.relativize(file) + " document " + (i + 1);
                assertThat(document.path("apiVersion").asText()).as(where + ": apiVersion").isNotBlank();
                assertThat(document.path("kind").asText()).as(where + ": kind").isNotBlank();
                assertThat(document.path("metadata").path("name").asText()).as(where + ": metadata.name").isNotBlank();
            }
        }
    }

    @Test
    void theContainerImageRunsTheServicesWithTheStacksJvmOptions() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile.jvm"));
        String options = dockerfile.lines().filter(line -> line.startsWith("ENV JAVA_OPTS_APPEND="))
                .findFirst().orElseThrow().replaceAll("^ENV JAVA_OPTS_APPEND=\"|\"$", "");
        assertThat(List.of(options.split(" "))).as("the image's JAVA_OPTS_APPEND (its logging manager aside)")
                .filteredOn(option -> !option.startsWith("-Djava.util.logging.manager="))
                .containsExactlyInAnyOrderElementsOf(LocalStackCluster.DEFAULT_SERVICE_JVM_OPTIONS);
        assertThat(dockerfile).as("the image's malloc arenas, as ServiceProcess sets them").contains("ENV MALLOC_ARENA_MAX=2");
    }

    @Test
    void theServiceDeploymentsProbeReadinessAndLiveness() {
        Map<String, JsonNode> deployments = serviceDeployments();
        assertThat(deployments).as("Deployments of the services").containsOnlyKeys(SERVICES);
        deployments.forEach((service, deployment) -> {
            JsonNode container = serviceContainer(service, deployment);
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(service + " readinessProbe")
                    .isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(service + " livenessProbe")
                    .isEqualTo("/q/health/live");
            List<String> ports = new ArrayList<>();
            container.path("ports").forEach(p -> {
                ports.add(p.path("name").asText());
                ports.add(p.path("containerPort").asText());
            });
            assertThat(ports).as(service + " container ports")
                    .contains(container.path("readinessProbe").path("httpGet").path("port").asText(),
                            container.path("livenessProbe").path("httpGet").path("port").asText());
            // Health is served on the management interface only (MANAGEMENT_PORT, 9000 in the containers).
            assertThat(container.path("readinessProbe").path("httpGet").path("port").asText()).as(service + " probe port")
                    .isEqualTo("management");
            assertThat(ports).as(service + " container ports").containsSubsequence("management", "9000");
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/port").asText()).as(service + " Prometheus port").isEqualTo("9000");
            assertThat(annotations.path("prometheus.io/path").asText()).as(service + " Prometheus path").isEqualTo("/q/metrics");
        });
    }

    @Test
    void composeProbesEachServiceOnTheManagementPortItSets() {
        JsonNode services = YamlDocuments.read(COMPOSE.resolve("compose.yaml")).get(0).path("services");
        // The first service anchors its healthcheck (&probe) and the others alias it (*probe), which the YAML reader
        // leaves as the alias's name: those are checked against the anchored one.
        JsonNode anchored = null;
        for (String service : SERVICES) {
            JsonNode node = services.path(service);
            String port = node.path("environment").path("MANAGEMENT_PORT").asText();
            assertThat(port).as(service + " MANAGEMENT_PORT").isNotBlank();
            JsonNode healthcheck = node.path("healthcheck");
            if (healthcheck.has("test")) {
                anchored = healthcheck;
            } else {
                assertThat(healthcheck.isTextual()).as(service + " healthcheck: its own or an alias").isTrue();
                assertThat(anchored).as(service + " aliases a healthcheck defined before it").isNotNull();
                healthcheck = anchored;
            }
            assertThat(healthcheck.path("test").toString()).as(service + " healthcheck")
                    .contains("localhost:" + port + "/q/health/ready");
        }
    }

    @Test
    void composeGivesTheServicesOnlyVariablesTheyRead() {
        Path file = COMPOSE.resolve("compose.yaml");
        JsonNode services = YamlDocuments.read(file).get(0).path("services");
        Map<String, List<String>> setBy = new TreeMap<>();
        for (String service : SERVICES) {
            JsonNode environment = services.path(service).path("environment");
            assertThat(environment.isMissingNode()).as(service + " in " + ROOT.relativize(file)).isFalse();
            for (String name : environmentNames(environment)) {
                setBy.computeIfAbsent(name, n -> new ArrayList<>()).add(service);
            }
        }
        assertOnlyReadVariables(ROOT.relativize(file).toString(), setBy);
    }

    @Test
    void kubernetesGivesTheServicesOnlyVariablesTheyRead() {
        Map<String, JsonNode> configMaps = documentsOfKind("ConfigMap");
        Map<String, JsonNode> secrets = documentsOfKind("Secret");
        Map<String, List<String>> setBy = new TreeMap<>();
        serviceDeployments().forEach((service, deployment) -> {
            JsonNode container = serviceContainer(service, deployment);
            container.path("env").forEach(variable -> setBy.computeIfAbsent(variable.path("name").asText(), n -> new ArrayList<>()).add(service));
            container.path("envFrom").forEach(source -> {
                String prefix = source.path("prefix").asText("");
                JsonNode keys;
                String origin;
                if (source.has("configMapRef")) {
                    origin = "ConfigMap " + source.path("configMapRef").path("name").asText();
                    JsonNode map = configMaps.get(source.path("configMapRef").path("name").asText());
                    assertThat(map).as(service + " envFrom " + origin).isNotNull();
                    keys = map.path("data");
                } else {
                    origin = "Secret " + source.path("secretRef").path("name").asText();
                    JsonNode secret = secrets.get(source.path("secretRef").path("name").asText());
                    assertThat(secret).as(service + " envFrom " + origin).isNotNull();
                    keys = secret.has("stringData") ? secret.path("stringData") : secret.path("data");
                }
                keys.fieldNames().forEachRemaining(key ->
                        setBy.computeIfAbsent(prefix + key, n -> new ArrayList<>()).add(service + " (envFrom " + origin + ")"));
            });
        });
        assertOnlyReadVariables("deploy/kubernetes", setBy);
    }

    @Test
    void theStaffConsoleRunsInComposeOnItsOwnPortsWithoutKafkaOrDatabase() {
        JsonNode console = YamlDocuments.read(COMPOSE.resolve("compose.yaml")).get(0).path("services").path(CONSOLE);
        assertThat(console.isMissingNode()).as(CONSOLE + " in compose.yaml").isFalse();
        JsonNode environment = console.path("environment");
        assertThat(environment.path("MANAGEMENT_PORT").asText()).isEqualTo("9084");
        assertThat(console.path("healthcheck").path("test").toString()).contains("localhost:9084/q/health/ready");
        assertConsoleVariables("compose.yaml", environmentNames(environment));
    }

    @Test
    void theStaffConsoleRunsInKubernetesProbedOn9084WithItsOidcSecretAndNoKafkaOrDatabase() {
        JsonNode deployment = documentsOfKind("Deployment").get(CONSOLE);
        assertThat(deployment).as("a Deployment " + CONSOLE).isNotNull();
        assertThat(documentsOfKind("Service")).as("a Service " + CONSOLE).containsKey(CONSOLE);
        JsonNode container = serviceContainer(CONSOLE, deployment);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("port").asText()).isEqualTo("management");
        List<String> ports = new ArrayList<>();
        container.path("ports").forEach(p -> {
            ports.add(p.path("name").asText());
            ports.add(p.path("containerPort").asText());
        });
        assertThat(ports).containsSubsequence("management", "9084");
        assertThat(container.path("envFrom").isEmpty()).as("no ConfigMap or Secret of the services").isTrue();
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotBlank();
        List<String> names = new ArrayList<>();
        Map<String, String> secretOf = new TreeMap<>();
        container.path("env").forEach(variable -> {
            names.add(variable.path("name").asText());
            JsonNode ref = variable.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretOf.put(variable.path("name").asText(), ref.path("name").asText());
            }
        });
        assertThat(secretOf).as("the OIDC client secret comes from a Secret").containsEntry("OIDC_CLIENT_SECRET", "staff-console-oidc");
        assertConsoleVariables("60-staff-console.yaml", names);
    }

    private static void assertConsoleVariables(String where, List<String> names) {
        ServiceConfiguration configuration = ServiceConfiguration.ofStaffConsole(ROOT);
        assertThat(names).as(where + ": what the console needs")
                .contains("LEDGER_URL", "RENEWAL_URL", "AUDIT_URL", "NOTIFICATION_URL", "OIDC_AUTH_SERVER_URL",
                        "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "MANAGEMENT_PORT");
        assertThat(names).as(where + ": the console reads each (it has no Kafka and no database)")
                .allMatch(configuration::reads, "is read by the staff console")
                .noneMatch(name -> name.startsWith("KAFKA_") || name.startsWith("DB_"));
    }

    @Test
    void theScanFindsTheVariablesOfTheConfigurationContract() {
        // Guards the scan itself, so that a broken scan fails here with a clear message rather than above as a list of
        // "unknown" variables.
        assertThat(ServiceConfiguration.of(ROOT).variables())
                .contains("HTTP_HOST", "HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER",
                        "DB_PASSWORD", "DB_MIGRATION_USER", "DB_MIGRATION_PASSWORD", "JWT_JWKS_LOCATION", "JWT_ISSUER",
                        "JWT_AUDIENCE", "JWT_MAX_AGE_SECONDS", "CEC_CLOCK_SETTABLE", "CEC_JOBS_EVERY", "MANAGEMENT_HOST",
                        "MANAGEMENT_PORT");
    }

    private static void assertOnlyReadVariables(String where, Map<String, List<String>> setBy) {
        ServiceConfiguration configuration = ServiceConfiguration.of(ROOT);
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        setBy.forEach((name, services) -> {
            if (!configuration.reads(name)) {
                unknown.put(name, services);
            }
        });
        assertThat(setBy).as(where + " sets no variables for the services at all?").isNotEmpty();
        assertThat(unknown)
                .as("%s sets variables that no service reads (name -> where it is set). The services read %s (found in %s) and QUARKUS_*",
                        where, configuration.variables(), ServiceConfiguration.files(ROOT).stream().map(ROOT::relativize).toList())
                .isEmpty();
    }

    /** Compose's environment: a mapping, or a list of NAME=value / NAME. */
    private static List<String> environmentNames(JsonNode environment) {
        List<String> names = new ArrayList<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(names::add);
        } else {
            environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
        }
        return names;
    }

    private static Map<String, JsonNode> serviceDeployments() {
        Map<String, JsonNode> deployments = new TreeMap<>();
        documentsOfKind("Deployment").forEach((name, deployment) -> {
            if (SERVICES.contains(name)) {
                deployments.put(name, deployment);
            }
        });
        return deployments;
    }

    /** The container named like the service (or the only one). */
    private static JsonNode serviceContainer(String service, JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            if (service.equals(container.path("name").asText())) {
                return container;
            }
        }
        assertThat(containers.size()).as(service + ": no container named " + service + ", and not exactly one container").isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, JsonNode> documentsOfKind(String kind) {
        Map<String, JsonNode> found = new TreeMap<>();
        for (Path file : yamlFiles(KUBERNETES)) {
            for (JsonNode document : YamlDocuments.read(file)) {
                if (kind.equals(document.path("kind").asText())) {
                    found.put(document.path("metadata").path("name").asText(), document);
                }
            }
        }
        return found;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
