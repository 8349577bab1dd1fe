package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service stopped gracefully (SIGTERM) in the middle of its batches dead-letters nothing and loses nothing: what it
 * had not committed is delivered again after the restart and recorded once. Dead letters have one mechanism, the
 * platform's own ({@code <topic>.dlq} with a reason); the connector's {@code dead-letter-queue} strategy, which would
 * park an interrupted batch on {@code dead-letter-topic-<channel>} and commit it, is not used.
 *
 * <p>A stream of LMS completions (fed so that the ledger always has a backlog) runs through both consumers that
 * matter. In the first test the renewal-service is stopped while it projects the ledger's events, then the
 * ledger-service while it records completions; both start again together. In the second the ledger-service is stopped
 * while a batch waits out a database outage: that batch cannot finish, so this is where a shutdown must abort it
 * rather than dead-letter it.
 */
@SystemTest
class StopMidBatchSystemTest {

    /** Completions the ledger has left to record while the feeder runs: several batches of up to 1,000. */
    static final int BACKLOG = Integer.getInteger("cec.stop-mid-batch.backlog", 3_000);
    /** The consumer groups of the two channels (the services' application.properties). */
    private static final String LEDGER_INTAKE_GROUP = "ledger-service.lms";
    private static final String RENEWAL_LEDGER_GROUP = "renewal-service";
    private static final String CONNECTOR_DEAD_LETTER_TOPICS = "dead-letter-topic-";
    /** The line the stack writes to a service's log before each start. */
    private static final String STARTING = "=== local-stack: starting";
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        if (!cluster.isPostgresRunning()) {
            cluster.startPostgres();
        }
        cluster.startServices();
        cluster.awaitReady(READY);
    }

    @Test
    void servicesStoppedInTheMiddleOfTheirBatchesDeadLetterNothingAndRecordEveryCompletionOnceAfterTheRestart(SystemUnderTest sut)
            throws Exception {
        Certificant.awaitIntakeFlowing(sut);
        LocalStackCluster cluster = sut.cluster();
        long begin = System.nanoTime();
        CompletionFeeder completions;
        Stop renewal;
        Stop ledger;
        try (CompletionFeeder feeder = CompletionFeeder.start(sut, "SM", BACKLOG)) {
            completions = feeder;
            renewal = stopWhileWorking(sut, PlatformService.RENEWAL, RENEWAL_LEDGER_GROUP, Topics.LEDGER, feeder::projectedByRenewal);
            ledger = stopWhileWorking(sut, PlatformService.LEDGER, LEDGER_INTAKE_GROUP, Topics.LMS_COURSE_COMPLETIONS,
                    feeder::recordedByLedger);
        }
        System.out.printf("[stop-mid-batch] %d completions (prefix %s)%n  renewal-service: %s%n  ledger-service: %s%n",
                completions.produced(), completions.prefix(), renewal, ledger);
        assertThat(renewal.uncommittedAtExit()).as("ledger events the renewal-service left uncommitted").isPositive();
        assertThat(ledger.uncommittedAtExit()).as("completions the ledger-service left uncommitted").isPositive();
        assertNothingDeadLettered(sut, completions);

        cluster.startServices();
        cluster.awaitReady(READY);
        await("every completion recorded, published and projected").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> completions.recordedByLedger() == completions.produced()
                        && new ReliabilityDatabases(cluster).unpublished(ReliabilityDatabases.LEDGER) == 0
                        && completions.projectedByRenewal() == completions.produced());
        System.out.printf("[stop-mid-batch] all %d recorded and projected %.0f s after the stream began%n",
                completions.produced(), (System.nanoTime() - begin) / 1e9);
        assertEveryCompletionEarnedOnce(sut, completions);
        assertNothingDeadLettered(sut, completions);
    }

    @Test
    void theLedgerStoppedWhileABatchWaitsOutADatabaseOutageDeadLettersNothingAndRecordsItAfterTheRestart(SystemUnderTest sut)
            throws Exception {
        Certificant.awaitIntakeFlowing(sut);
        LocalStackCluster cluster = sut.cluster();
        CompletionFeeder completions;
        Stop ledger;
        try (CompletionFeeder feeder = CompletionFeeder.start(sut, "SO", BACKLOG)) {
            completions = feeder;
            await("the ledger working through the stream").atMost(Duration.ofMinutes(3)).pollInterval(POLL)
                    .until(() -> feeder.recordedByLedger() >= 1_000);
            cluster.stopPostgres(); // the ledger has a backlog: a batch is under way
            await("the ledger waiting out the outage in the middle of a batch").atMost(Duration.ofMinutes(1)).pollInterval(POLL)
                    .until(() -> sinceLastStart(cluster, PlatformService.LEDGER).contains("consumer ledger.lms: backing service unavailable"));
            ledger = stopGracefully(sut, PlatformService.LEDGER, LEDGER_INTAKE_GROUP, Topics.LMS_COURSE_COMPLETIONS,
                    () -> -1); // its progress is in the database, which is away
        }
        System.out.printf("[stop-mid-batch] database away: %d completions (prefix %s)%n  ledger-service: %s%n",
                completions.produced(), completions.prefix(), ledger);
        assertThat(ledger.uncommittedAtExit()).as("completions the ledger-service left uncommitted").isPositive();
        assertNothingDeadLettered(sut, completions);

        cluster.startPostgres();
        cluster.startServices();
        cluster.awaitReady(READY);
        await("every completion recorded and published").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> completions.recordedByLedger() == completions.produced()
                        && new ReliabilityDatabases(cluster).unpublished(ReliabilityDatabases.LEDGER) == 0);
        assertEveryCompletionEarnedOnce(sut, completions);
        assertNothingDeadLettered(sut, completions);
    }

    /**
     * What a stop met: the service's progress at SIGTERM and at its exit, what its group had not committed then, and
     * what its log said about batches in flight while it stopped.
     */
    private record Stop(long doneAtSigterm, long doneAtExit, long uncommittedAtExit, double seconds, List<String> inFlight) {
        @Override
        public String toString() {
            String progress = doneAtSigterm < 0 ? "" : String.format(" with %d done (%d at SIGTERM)", doneAtExit, doneAtSigterm);
            return String.format("exited %.1f s after SIGTERM%s and %d records uncommitted; %s", seconds, progress, uncommittedAtExit,
                    inFlight.isEmpty() ? "no batch in flight logged" : inFlight);
        }
    }

    /**
     * Waits until the service has done a batch's worth of the stream, stops it gracefully (SIGTERM) and checks that it
     * stopped by itself: a shutdown held up (by a dead letter waiting for a broker, say) ends in SIGKILL after the
     * stack's grace period, and Quarkus never logs that it stopped.
     */
    private static Stop stopWhileWorking(SystemUnderTest sut, PlatformService service, String group, String topic, LongSupplier done)
            throws Exception {
        await(service + " working through the stream").atMost(Duration.ofMinutes(3)).pollInterval(POLL)
                .until(done::getAsLong, n -> n >= 1_000);
        return stopGracefully(sut, service, group, topic, done);
    }

    /** SIGTERM, then: it exited by itself; what it had done (from {@code done}) and left uncommitted. */
    private static Stop stopGracefully(SystemUnderTest sut, PlatformService service, String group, String topic, LongSupplier done)
            throws Exception {
        LocalStackCluster cluster = sut.cluster();
        long atSigterm = done.getAsLong();
        long begin = System.nanoTime();
        cluster.stopService(service);
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertThat(cluster.isRunning(service)).as(service + " stopped").isFalse();
        String lastRun = sinceLastStart(cluster, service);
        assertThat(lastRun).as("%s's log since its last start", service).contains(service.moduleName() + " stopped in");
        // The log lines themselves, not the stack traces under them; the first few are enough to say what happened.
        List<String> inFlight = lastRun.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0))
                        && !line.startsWith("Caused by"))
                .filter(line -> line.contains("unprocessed messages") || line.contains("stays uncommitted"))
                .map(line -> abbreviate(line.replaceFirst("^.*?\\) ", ""))).distinct().limit(3).toList();
        return new Stop(atSigterm, done.getAsLong(), sut.kafka().uncommitted(group, topic), seconds, inFlight);
    }

    private static String abbreviate(String line) {
        return line.length() <= 160 ? line : line.substring(0, 160) + "...";
    }

    private static String sinceLastStart(LocalStackCluster cluster, PlatformService service) throws IOException {
        String log = Files.readString(cluster.logFile(service));
        return log.substring(log.lastIndexOf(STARTING));
    }

    /**
     * None of these completions (nor the ledger's events about them) on the platform's dead-letter topics, and no
     * connector dead-letter topic at all.
     */
    private static void assertNothingDeadLettered(SystemUnderTest sut, CompletionFeeder completions) {
        for (String topic : new String[] {Topics.LMS_COURSE_COMPLETIONS, Topics.LEDGER}) {
            assertThat(sut.kafka().readToEnd(Topics.deadLetter(topic), completions::owns))
                    .as("records of the stream on %s", Topics.deadLetter(topic)).isEmpty();
        }
        assertThat(sut.kafka().topicNames()).as("topics").noneMatch(name -> name.startsWith(CONNECTOR_DEAD_LETTER_TOPICS));
    }

    /** Every completion has one CECEarned on the ledger's topic: one credit id, one event id (nothing lost or twice). */
    private static void assertEveryCompletionEarnedOnce(SystemUnderTest sut, CompletionFeeder completions) throws Exception {
        Map<String, Earned> earned = earnedPerCompletion(sut, completions);
        assertThat(earned.keySet()).as("completions with a CECEarned on %s", Topics.LEDGER).isEqualTo(completions.completionIds());
        assertThat(earned.values()).as("one credit and one event id per completion").allSatisfy(e -> {
            assertThat(e.creditIds()).hasSize(1);
            assertThat(e.eventIds()).hasSize(1);
        });
    }

    /** A CECEarned event's credit and event ids, gathered per completion id. */
    private record Earned(Set<String> creditIds, Set<String> eventIds) {
    }

    /** Every CECEarned of these members on the ledger's topic, by the completion id it records. */
    private static Map<String, Earned> earnedPerCompletion(SystemUnderTest sut, CompletionFeeder completions) throws Exception {
        Map<String, Earned> earned = new HashMap<>();
        for (ConsumerRecord<String, String> record : sut.kafka().readToEnd(Topics.LEDGER, completions::owns)) {
            if (!EventTypes.CEC_EARNED.equals(header(record, CloudEventHeaders.TYPE))) {
                continue;
            }
            JsonNode event = JSON.readTree(record.value());
            Earned e = earned.computeIfAbsent(event.path("externalRef").asText(), ref -> new Earned(new HashSet<>(), new HashSet<>()));
            e.creditIds().add(event.path("creditId").asText());
            e.eventIds().add(header(record, CloudEventHeaders.ID));
        }
        return earned;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
