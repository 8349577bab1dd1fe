package org.cecplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.DevPaymentProvider;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.cecplatform.localstack.TopicWriters;

/**
 * A stream of writes as the platform's clients make them: intake messages (LMS completions, meeting attendance) on
 * Kafka, self-reported credits over REST with an Idempotency-Key, and renewals (a request with an Idempotency-Key,
 * then its payment through the development payment provider). A client that gets no answer or a 503 retries with the
 * same key (the provider with the same event id) until it gets one, as a real client would; what got a 2xx (for a
 * renewal: a payment that renewed) is recorded as accepted, under the renewal's payment reference.
 *
 * <p>Everything is for certificants whose ids start with a prefix of this run, so checks see only this run's data.
 */
final class ReliabilityWorkload {

    private static final ZoneId POLICY_ZONE = ZoneId.of("America/New_York");
    /** How long a client keeps retrying one write before it gives up (counted as abandoned). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(6);

    private final LocalStackCluster cluster;
    private final String prefix;
    private final int people;
    private final int writes;
    private final int renewals;
    private final long seed;
    private final ReliabilityHttp http = new ReliabilityHttp(Duration.ofSeconds(15));
    private final TopicWriters<String> producer;

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Set<String> intakeIds = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedRenewals = ConcurrentHashMap.newKeySet();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong produceFailures = new AtomicLong();
    private final List<String> rejections = new ArrayList<>();

    ReliabilityWorkload(LocalStackCluster cluster, String prefix, int people, int writes, int renewals, long seed) {
        this.cluster = cluster;
        this.prefix = prefix;
        this.people = people;
        this.writes = writes;
        this.renewals = renewals;
        this.seed = seed;
        this.producer = new TopicWriters<>(cluster.kafkaLogins(), Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000),
                new StringSerializer());
    }

    String person(int i) {
        return prefix + "-" + String.format("%04d", i % people);
    }

    /** The certificants who renew: the first {@code renewals} people, one renewal each. */
    String renewer(int r) {
        return prefix + "-R" + String.format("%03d", r);
    }

    /** Grants each renewer a CPT whose cycle ends this 31 December, so that they can renew now. */
    void grantRenewersCertifications() {
        LocalDate certifiedOn = LocalDate.of(LocalDate.now(POLICY_ZONE).getYear() - 3, 1, 15);
        String staff = cluster.mintToken("staff", "reliability");
        for (int r = 0; r < renewals; r++) {
            String body = "{\"certificantId\":\"" + renewer(r) + "\",\"credential\":\"CPT\",\"certifiedOn\":\"" + certifiedOn + "\"}";
            ReliabilityHttp.Answer answer = http.postJson(cluster.baseUrl(PlatformService.RENEWAL) + "/api/v1/certifications", staff, Map.of(), body);
            if (answer.status() != 201) {
                throw new IllegalStateException("Grant for " + renewer(r) + " answered " + answer.status() + ": " + answer.body());
            }
        }
    }

    /**
     * Runs the whole stream on {@code threads} clients, spread over at least {@code atLeast} (so that faults injected
     * along the way meet writes in flight); returns when every write was accepted or abandoned.
     */
    void run(int threads, Duration atLeast) throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        long nanosPerWrite = atLeast.toNanos() / writes;
        int renewalEvery = renewals == 0 ? Integer.MAX_VALUE : Math.max(1, writes / renewals);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < writes; i = next.getAndIncrement()) {
                    long due = start + i * nanosPerWrite;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime()); // the stream's pace, not a wait for a result
                    }
                    Random random = new Random(seed * 1_000_003L + i);
                    if (i % renewalEvery == renewalEvery / 2 && i / renewalEvery < renewals) {
                        renew(i / renewalEvery, random);
                    } else if (i % 2 == 0) {
                        intake(i, random);
                    } else {
                        selfReport(i, random);
                    }
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> client : clients) {
            client.get();
        }
        pool.awaitTermination(1, TimeUnit.MINUTES);
        producer.flush();
    }

    private void intake(int i, Random random) {
        String member = person(i);
        String id = prefix + "-in-" + i;
        String cecs = (1 + random.nextInt(80)) / 10.0 + "";
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(360));
        String topic;
        String json;
        if (i % 4 == 0) {
            topic = Topics.LMS_COURSE_COMPLETIONS;
            json = "{\"completionId\":\"" + id + "\",\"memberId\":\"" + member + "\",\"courseId\":\"C" + random.nextInt(500)
                    + "\",\"courseTitle\":\"Course " + i + "\",\"cecs\":" + cecs + ",\"completedAt\":\"" + date + "\"}";
        } else {
            topic = Topics.MEETINGS_ATTENDANCE;
            String meeting = List.of("ANNUAL_MEETING", "HEALTH_FITNESS_SUMMIT", "WEBINAR").get(random.nextInt(3));
            json = "{\"attendanceId\":\"" + id + "\",\"memberId\":\"" + member + "\",\"meeting\":\"" + meeting
                    + "\",\"sessionCode\":\"S" + random.nextInt(90) + "\",\"title\":\"Session " + i + "\",\"cecs\":" + cecs
                    + ",\"attendedOn\":\"" + date + "\"}";
        }
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            try {
                producer.send(new ProducerRecord<>(topic, member, json)).get();
                intakeIds.add(id);
                return;
            } catch (ExecutionException e) {
                // not acknowledged: send the same message again (the ledger deduplicates on its id)
                produceFailures.incrementAndGet();
                if (Instant.now().isAfter(giveUp)) {
                    abandoned.incrementAndGet();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void selfReport(int i, Random random) {
        String member = person(i);
        String key = prefix + "-key-" + i;
        String amount = (1 + random.nextInt(50)) / 10.0 + "";
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(360));
        String body = "{\"title\":\"Workshop " + i + "\",\"provider\":\"Provider " + random.nextInt(20)
                + "\",\"providerKind\":\"MAJOR_FITNESS_ORGANIZATION\",\"category\":\"GENERAL\",\"completedOn\":\"" + date
                + "\",\"amount\":" + amount + ",\"unit\":\"CONTACT_HOUR\",\"inScope\":true}";
        String url = cluster.baseUrl(PlatformService.LEDGER) + "/api/v1/certificants/" + member + "/credits";
        String token = cluster.mintToken("certificant", member);
        send(url, token, Map.of("Idempotency-Key", key), body, key, acceptedKeys);
    }

    /**
     * A renewal as a member makes it: the request (with an Idempotency-Key, so a retry after no answer gets the same
     * pending renewal), then its payment through the development provider, redelivered under the same provider event
     * id until the renewal-service answers (a redelivery changes nothing). Accepted once the payment renewed.
     */
    private void renew(int r, Random random) {
        String member = renewer(r);
        LocalDate today = LocalDate.now(POLICY_ZONE);
        String body = "{\"credentials\":[\"CPT\"],\"attestedCecs\":{\"ceOnlineAndAcsmEvents\":45},\"acknowledged\":true,"
                + "\"cpr\":{\"provider\":\"American Red Cross\",\"issuedOn\":\"" + today.minusDays(30) + "\",\"expiresOn\":\""
                + today.plusYears(1) + "\",\"handsOnSkills\":true}}";
        String url = cluster.baseUrl(PlatformService.RENEWAL) + "/api/v1/certificants/" + member + "/renewals";
        String key = prefix + "-renew-" + r;
        ReliabilityHttp.Answer requested = send(url, cluster.mintToken("certificant", member), Map.of("Idempotency-Key", key),
                body, key);
        if (requested == null) {
            return;
        }
        DevPaymentProvider.Notice due = DevPaymentProvider.paymentDue(json(requested.body()));
        DevPaymentProvider.Notice payment = new DevPaymentProvider.Notice(prefix + "-evt-" + r, due.status(), due.reference(),
                due.amount(), due.currency());
        if (payUntilAnswered(payment)) {
            acceptedRenewals.add(payment.reference());
        }
    }

    /** Sends the notification until the renewal-service answers; true when it renewed. */
    private boolean payUntilAnswered(DevPaymentProvider.Notice payment) {
        DevPaymentProvider provider = cluster.paymentProvider();
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            try {
                DevPaymentProvider.Answer answer = provider.notify(payment);
                if (answer.status() == 200) {
                    boolean renewed = "RENEWED".equals(answer.json().path("outcome").asText());
                    if (!renewed) {
                        reject(payment.eventId(), answer.status(), answer.body());
                    }
                    return renewed;
                }
                if (answer.status() >= 400 && answer.status() < 500) {
                    reject(payment.eventId(), answer.status(), answer.body());
                    return false;
                }
            } catch (IOException noAnswer) {
                // the service is away (killed, restarting): the provider delivers again, as real ones do
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(giveUp)) {
                abandoned.incrementAndGet();
                return false;
            }
            retries.incrementAndGet();
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private void send(String url, String token, Map<String, String> headers, String body, String id, Set<String> accepted) {
        if (send(url, token, headers, body, id) != null) {
            accepted.add(id);
        }
    }

    /**
     * Sends until a definite answer: no answer and any 5xx are retried with the same request. Returns the 2xx answer;
     * null when refused (4xx, counted as rejected) or abandoned.
     */
    private ReliabilityHttp.Answer send(String url, String token, Map<String, String> headers, String body, String id) {
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        while (true) {
            ReliabilityHttp.Answer answer = http.postJson(url, token, headers, body);
            if (answer.ok()) {
                return answer;
            }
            if (answer.status() >= 400 && answer.status() < 500) {
                reject(id, answer.status(), answer.body());
                return null;
            }
            if (Instant.now().isAfter(giveUp)) {
                abandoned.incrementAndGet();
                return null;
            }
            retries.incrementAndGet();
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // a client's back-off before it retries
        }
    }

    private void reject(String id, int status, String body) {
        rejected.incrementAndGet();
        synchronized (rejections) {
            if (rejections.size() < 10) {
                rejections.add(id + ": " + status + " " + body);
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int done() {
        return done.get();
    }

    int writes() {
        return writes;
    }

    String prefix() {
        return prefix;
    }

    Set<String> intakeIds() {
        return intakeIds;
    }

    Set<String> acceptedKeys() {
        return acceptedKeys;
    }

    Set<String> acceptedRenewals() {
        return acceptedRenewals;
    }

    long abandoned() {
        return abandoned.get();
    }

    long rejected() {
        return rejected.get();
    }

    List<String> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }

    long retries() {
        return retries.get();
    }

    long produceFailures() {
        return produceFailures.get();
    }

    ReliabilityHttp http() {
        return http;
    }

    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
