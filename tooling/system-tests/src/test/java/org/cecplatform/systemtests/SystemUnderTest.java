package org.cecplatform.systemtests;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The platform as its users see it: one {@link LocalStackCluster} per test JVM (the packaged services, PostgreSQL,
 * a Kafka broker in a child process, free ports, data under {@code tooling/system-tests/target/stack-<random>}, the clock
 * settable, scheduled jobs every hour so tests run them on demand), started by the first test class that needs it
 * and stopped when the test run ends. Use {@link SystemTest @SystemTest} on a class and take a
 * {@code SystemUnderTest} parameter in its test methods.
 *
 * <p>The stack is shared: a test that moves the clock or stops a component puts it back.
 */
public final class SystemUnderTest implements BeforeAllCallback, ParameterResolver {

    public static final String STAFF = "staff";
    public static final String CERTIFICANT = "certificant";
    public static final String AUDITOR = "auditor";
    public static final String INTEGRATION = "integration";

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Starts the stack once; closing the root store at the end of the test run stops it.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> {
                    SharedStack.cluster();
                    return (AutoCloseable) SharedStack::stop;
                }, AutoCloseable.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    /** For kills, restarts and figures (PIDs, RSS, ports). */
    public LocalStackCluster cluster() {
        return SharedStack.cluster();
    }

    /** Seconds the stack took to start (infrastructure, services, ready). */
    public double startSeconds() {
        return SharedStack.startSeconds();
    }

    // ---------------------------------------------------------------- HTTP

    public String baseUrl(PlatformService service) {
        return cluster().baseUrl(service);
    }

    /** The service's management interface (its own port): {@code /q/health/live}, {@code /q/health/ready}, {@code /q/metrics}. */
    public String managementUrl(PlatformService service) {
        return cluster().managementUrl(service);
    }

    /** A request to the service's management interface (health, metrics). */
    public RequestSpecification management(PlatformService service) {
        return given().baseUri(managementUrl(service));
    }

    /** Where a person opens the staff console (signing in through the stack's development provider). */
    public String staffConsoleUrl() {
        return cluster().staffConsoleUrl().orElseThrow();
    }

    /** A request to the service without a token. */
    public RequestSpecification request(PlatformService service) {
        return given().baseUri(baseUrl(service));
    }

    /** A request to the service with a bearer token for this role and subject (for a certificant, their id). */
    public RequestSpecification request(PlatformService service, String role, String subject) {
        return request(service).auth().oauth2(token(role, subject));
    }

    public RequestSpecification ledger() {
        return request(PlatformService.LEDGER);
    }

    public RequestSpecification ledger(String role, String subject) {
        return request(PlatformService.LEDGER, role, subject);
    }

    public RequestSpecification renewal() {
        return request(PlatformService.RENEWAL);
    }

    public RequestSpecification renewal(String role, String subject) {
        return request(PlatformService.RENEWAL, role, subject);
    }

    public RequestSpecification audit() {
        return request(PlatformService.AUDIT);
    }

    public RequestSpecification audit(String role, String subject) {
        return request(PlatformService.AUDIT, role, subject);
    }

    /**
     * What a readiness probe with this timeout sees: true only when {@code /q/health/ready} (management port) answers 200 in time. (While
     * Kafka is away a service answers 503 only after its Kafka health check gives up, about 60 s.)
     */
    public boolean isReady(PlatformService service, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl(service) + "/q/health/ready")).timeout(timeout).GET().build();
        try {
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // no answer in time, or nothing listening
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token signed with the stack's key. */
    public String token(String role, String subject) {
        return cluster().mintToken(role, subject);
    }

    // ---------------------------------------------------------------- time and jobs

    /** Moves every service's clock to this instant ({@code PUT /api/v1/admin/clock} as staff); it runs on from there. */
    public void setClockEverywhere(Instant now) {
        for (PlatformService service : PlatformService.values()) {
            request(service, STAFF, "system-test")
                    .contentType(ContentType.JSON)
                    .body(Map.of("now", now.toString()))
                    .put("/api/v1/admin/clock")
                    .then().statusCode(200);
        }
    }

    /** Every service back on the system time ({@code DELETE /api/v1/admin/clock}). */
    public void resetClockEverywhere() {
        for (PlatformService service : PlatformService.values()) {
            request(service, STAFF, "system-test").delete("/api/v1/admin/clock").then().statusCode(200);
        }
    }

    /** Runs a scheduled job now ({@code POST /api/v1/admin/jobs/{name}} as staff) and returns its run: job, ranAt, summary. */
    public JsonPath runJob(PlatformService service, String name) {
        return request(service, STAFF, "system-test")
                .post("/api/v1/admin/jobs/{name}", name)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    // ---------------------------------------------------------------- Kafka

    /** Produces a record (as an external system would: plain JSON, no CloudEvent headers) and waits for the acknowledgement. */
    public RecordMetadata produce(String topic, String key, String json) {
        return SharedStack.kafka().produce(topic, key, json);
    }

    /** Reads the topic from the beginning until {@code expected} records match or the time is up. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match, int expected,
                                                     Duration timeout) {
        return SharedStack.kafka().read(topic, match, expected, timeout);
    }

    /** The stack's Kafka clients, for bursts, whole topics and topic names (one place for how clients connect). */
    KafkaClients kafka() {
        return SharedStack.kafka();
    }
}
