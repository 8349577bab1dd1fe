package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.cecplatform.localstack.TopicWriters;
import org.cecplatform.testsupport.hostile.HostileIntakeCorpus;
import org.cecplatform.testsupport.hostile.HostileMessage;
import org.cecplatform.testsupport.hostile.HostileRequest;
import org.cecplatform.testsupport.hostile.HostileRequestCorpus;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A generated corpus of bad REST requests (10,000 by default, {@code -Dcec.hostile.requests}) and bad intake messages
 * against the running platform: no 5xx, every bad message dead-lettered with a reason, no partition stalled (a good
 * message after the bad ones is processed), and no state changed except by the requests that were legal after all
 * (counted and accounted for). Fixed seed: the same corpus every run.
 */
@SystemTest
class HostileInputSystemTest {

    static final int REQUESTS = Integer.getInteger("cec.hostile.requests", 10_000);
    static final int MESSAGES = Integer.getInteger("cec.hostile.messages", 1_000);
    private static final long SEED = 8_2026L;
    private static final ZoneId POLICY_ZONE = ZoneId.of("America/New_York");

    @Test
    void hostileRequestsGetNo5xxAndChangeNothing(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        ReliabilityDatabases db = new ReliabilityDatabases(cluster);
        Victim victim = Victim.create(sut, "HV" + UUID.randomUUID().toString().substring(0, 6));
        String attacker = victim.id.replace("HV", "HA");
        HostileTokens hostileTokens = new HostileTokens(cluster.dataDir());
        Map<String, String> tokens = Map.of(
                "NONE", "", "FORGED", hostileTokens.forged("staff", "forger"), "EXPIRED", hostileTokens.expired("staff", "staff-1"),
                "UNSIGNED", HostileTokens.unsigned("staff", "forger"), "GARBAGE", HostileTokens.garbage(),
                "SELF", sut.token(CERTIFICANT, attacker), "ATTACKER_ON_VICTIM", sut.token(CERTIFICANT, attacker),
                "VICTIM", sut.token(CERTIFICANT, victim.id), "STAFF", sut.token(STAFF, "hostile-staff"),
                "AUDITOR", sut.token("auditor", "hostile-auditor"));
        Map<String, String> allTokens = new java.util.HashMap<>(tokens);
        allTokens.put("INTEGRATION", sut.token("integration", "hostile-integration"));
        Map<String, Long> eventLogBefore = eventLogRows(db);
        long documentsBefore = db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit_document");

        ReliabilityHttp http = new ReliabilityHttp(Duration.ofSeconds(60));
        HostileRequestCorpus corpus = new HostileRequestCorpus(SEED, REQUESTS);
        Map<String, Map<Integer, AtomicLong>> byKind = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicLong> acceptedWrites = new ConcurrentHashMap<>();
        Set<String> traversalNames = ConcurrentHashMap.newKeySet();
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            int first = t;
            clients.add(pool.submit(() -> {
                for (int i = first; i < REQUESTS; i += threads) {
                    HostileRequest request = corpus.request(i);
                    String path = victim.resolve(request.path(), attacker);
                    byte[] body = request.body();
                    if (body != null && body.length < 100_000) {
                        body = victim.resolve(new String(body, StandardCharsets.UTF_8), attacker).getBytes(StandardCharsets.UTF_8);
                    }
                    String token = allTokens.get(request.caller().name());
                    ReliabilityHttp.Answer answer = http.send(request.method(), cluster.baseUrl(service(request.service())) + path,
                            token == null || token.isEmpty() ? null : token, request.headers(), request.contentType(), body);
                    byKind.computeIfAbsent(request.kind(), k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                    boolean write = !request.method().equals("GET");
                    if (answer.status() >= 500 || (answer.status() == ReliabilityHttp.NO_ANSWER && !request.kind().equals("body-over-limit"))) {
                        failures.add(answer.status() + " for " + request.describe() + ": " + abbreviate(answer.body()));
                    } else if (answer.ok() && write) {
                        if (!request.mayBeValid()) {
                            failures.add("accepted although invalid: " + answer.status() + " for " + request.describe());
                        }
                        if (!"true".equals(answer.header("Idempotent-Replayed"))) {
                            acceptedWrites.computeIfAbsent(request.service() + (request.kind().startsWith("document") ? "-documents" : ""),
                                    k -> new AtomicLong()).incrementAndGet();
                        }
                        if (request.kind().equals("document-traversal-name")) {
                            traversalNames.add(new String(body, StandardCharsets.UTF_8).replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1"));
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;

        // Bad intake messages, then one good message on every partition of both topics: each must get through.
        List<HostileMessage> messages = HostileIntakeCorpus.generate(SEED, MESSAGES, victim.id.replace("HV", "HM"));
        String messagePrefix = victim.id.replace("HV", "HM");
        List<String> goodAfter = new ArrayList<>();
        try (TopicWriters<byte[]> producer = new TopicWriters<>(cluster.kafkaLogins(), Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_000), new ByteArraySerializer())) {
            for (HostileMessage m : messages) {
                producer.send(new ProducerRecord<>(m.topic(), m.key(), m.value())).get();
            }
            for (String topic : List.of(HostileIntakeCorpus.LMS, HostileIntakeCorpus.MEETINGS)) {
                for (int partition = 0; partition < 6; partition++) {
                    String id = messagePrefix + "-good-" + topic.charAt(0) + partition;
                    String json = topic.equals(HostileIntakeCorpus.LMS)
                            ? HostileIntakeCorpus.goodCompletion(id, messagePrefix + "-good")
                            : "{\"attendanceId\":\"" + id + "\",\"memberId\":\"" + messagePrefix + "-good\",\"meeting\":\"WEBINAR\","
                              + "\"title\":\"After the storm\",\"cecs\":1,\"attendedOn\":\"2025-06-01\"}";
                    producer.send(new ProducerRecord<>(topic, partition, messagePrefix + "-good", json.getBytes(StandardCharsets.UTF_8))).get();
                    goodAfter.add(id);
                }
            }
        }
        long bad = messages.stream().filter(HostileMessage::bad).count();
        Set<String> goodIds = messages.stream().filter(m -> !m.bad() && !m.mayBeValid()).map(HostileMessage::id).collect(Collectors.toSet());
        Set<String> unsureIds = messages.stream().filter(HostileMessage::mayBeValid).map(HostileMessage::id).collect(Collectors.toSet());
        Set<String> badOnlyIds = messages.stream().filter(HostileMessage::bad).map(HostileMessage::id)
                .filter(id -> !goodIds.contains(id) && !unsureIds.contains(id)).collect(Collectors.toSet());
        String like = messagePrefix + "-%";
        await("every good message after the bad ones to be recorded").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(recordedAmong(db, goodAfter)).as("good messages after the bad ones, one per partition")
                        .isEqualTo(goodAfter.size()));
        List<ReliabilityEvents.Event> deadLetters = new ArrayList<>();
        await("every bad message to be dead-lettered").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            deadLetters.clear();
            for (String topic : List.of(HostileIntakeCorpus.LMS, HostileIntakeCorpus.MEETINGS)) {
                deadLetters.addAll(ReliabilityEvents.readAll(cluster.kafkaLogins(), Topics.deadLetter(topic),
                        e -> e.key() != null && e.key().startsWith(messagePrefix + "-")));
            }
            // every message's fate is known: on a dead-letter topic, or recorded (a bad one recorded fails below)
            assertThat(deadLetters.size() + recordedAmong(db, unsureIds) + recordedAmong(db, badOnlyIds))
                    .as("messages dead-lettered or recorded").isGreaterThanOrEqualTo(bad + unsureIds.size());
        });
        long recordedUnsure = recordedAmong(db, unsureIds);
        long recordedGood = recordedAmong(db, goodIds);
        long recordedBad = recordedAmong(db, badOnlyIds);
        long withoutReason = deadLetters.stream().filter(e -> e.header(CloudEventHeaders.DLQ_REASON) == null
                || e.header(CloudEventHeaders.DLQ_REASON).isBlank()).count();
        long recorded = db.count(ReliabilityDatabases.LEDGER, "select count(*) from credit where certificant_id like ?", like);
        Map<String, Long> reasons = deadLetters.stream().collect(Collectors.groupingBy(
                e -> reasonKind(e.header(CloudEventHeaders.DLQ_REASON)), TreeMap::new, Collectors.counting()));

        // State: the event logs grew only by what was legal after all.
        Map<String, Long> eventLogAfter = eventLogRows(db);
        long ledgerGrowth = eventLogAfter.get(ReliabilityDatabases.LEDGER) - eventLogBefore.get(ReliabilityDatabases.LEDGER);
        long documentsAdded = db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit_document") - documentsBefore;

        Map<Integer, Long> statusTotals = http.countsByStatus();
        StringBuilder report = new StringBuilder(String.format("Hostile input: %d requests in %.0f s (seed %d), by status %s%n",
                REQUESTS, seconds, SEED, statusTotals));
        new TreeMap<>(byKind).forEach((kind, counts) -> report.append(String.format("  %-26s %s%n", kind, new TreeMap<>(counts.entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))))));
        report.append(String.format("  accepted as legal: %s; event_log growth %s; documents stored %d%n", acceptedWrites,
                Map.of("ledger", ledgerGrowth,
                        "renewal", eventLogAfter.get(ReliabilityDatabases.RENEWAL) - eventLogBefore.get(ReliabilityDatabases.RENEWAL),
                        "audit", eventLogAfter.get(ReliabilityDatabases.AUDIT) - eventLogBefore.get(ReliabilityDatabases.AUDIT)),
                documentsAdded));
        report.append(String.format("  intake: %d messages (%d bad, %d first of a duplicate pair, %d odd but maybe legal), %d dead-lettered"
                        + " (%d without a reason); recorded: %d first of pairs, %d odd-but-legal, %d bad; %d credits in all;"
                        + " %d good messages after them (one per partition) all recorded%n  dead-letter reasons %s",
                messages.size(), bad, goodIds.size(), unsureIds.size(), deadLetters.size(), withoutReason, recordedGood, recordedUnsure,
                recordedBad, recorded, goodAfter.size(), reasons));
        List<String> badRecorded = messages.stream().filter(m -> badOnlyIds.contains(m.id()))
                .filter(m -> recordedAmong(db, List.of(m.id())) > 0).map(m -> m.kind() + " " + new String(m.value(), StandardCharsets.UTF_8))
                .toList();
        badRecorded.forEach(m -> report.append(String.format("%n  BAD MESSAGE RECORDED %s", abbreviate(m))));
        System.out.println(report);
        failures.stream().limit(30).forEach(f -> System.out.println("  FAILURE " + f));

        assertThat(failures).as("5xx, no answer, or an invalid request accepted (%d in all)", failures.size()).isEmpty();
        assertThat(withoutReason).as("dead letters without a reason").isZero();
        assertThat(deadLetters.size()).as("bad messages on their dead-letter topic").isEqualTo(bad + unsureIds.size() - recordedUnsure);
        assertThat(recordedBad).as("bad intake messages recorded: %s", badRecorded).isZero();
        assertThat(recordedGood).as("first of each duplicate-id pair recorded").isEqualTo(goodIds.size());
        assertThat(recorded).as("credits from the intake corpus").isEqualTo(recordedGood + recordedUnsure + goodAfter.size());
        assertThat(ledgerGrowth).as("ledger events: accepted self-reports and recorded intake messages")
                .isEqualTo(acceptedWrites.getOrDefault("ledger", new AtomicLong()).get() + recorded);
        assertThat(eventLogAfter.get(ReliabilityDatabases.RENEWAL)).as("renewal events").isEqualTo(eventLogBefore.get(ReliabilityDatabases.RENEWAL)
                + acceptedWrites.getOrDefault("renewal", new AtomicLong()).get());
        assertThat(eventLogAfter.get(ReliabilityDatabases.AUDIT)).as("audit events").isEqualTo(eventLogBefore.get(ReliabilityDatabases.AUDIT)
                + acceptedWrites.getOrDefault("audit", new AtomicLong()).get());
        assertThat(documentsAdded).as("documents stored").isEqualTo(acceptedWrites.getOrDefault("audit-documents", new AtomicLong()).get());
        assertThat(db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit_document where audit_id = ?::uuid and content_type not in"
                + " ('application/pdf', 'image/png', 'image/jpeg')", victim.audit)).as("stored documents that are not PDF, PNG or JPEG").isZero();
        assertThat(db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit_document where size > ?", HostileRequestCorpus.MAX_DOCUMENT_BYTES))
                .as("documents over 10 MB").isZero();
        for (String name : traversalNames) {
            assertThat(db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit_document where audit_id = ?::uuid and original_name = ?",
                    victim.audit, name)).as("document name %s kept verbatim, as text", name).isPositive();
        }
        assertThat(Files.exists(Path.of("/tmp/x.pdf"))).as("a traversal name written as a file").isFalse();
    }

    private static long recordedAmong(ReliabilityDatabases db, java.util.Collection<String> externalRefs) {
        return db.count(ReliabilityDatabases.LEDGER, "select count(*) from credit where external_ref = any (?)",
                (Object) externalRefs.toArray(new String[0]));
    }

    private static Map<String, Long> eventLogRows(ReliabilityDatabases db) {
        Map<String, Long> rows = new TreeMap<>();
        for (String name : ReliabilityDatabases.ALL) {
            rows.put(name, db.eventLogRows(name));
        }
        return rows;
    }

    private static PlatformService service(String name) {
        return switch (name) {
            case "ledger" -> PlatformService.LEDGER;
            case "renewal" -> PlatformService.RENEWAL;
            default -> PlatformService.AUDIT;
        };
    }

    /** A dead-letter reason without its particulars (ids, numbers, quoted values), to count reasons by kind. */
    private static String reasonKind(String reason) {
        String kind = String.valueOf(reason).replaceAll("'[^']*'|\"[^\"]*\"|`[^`]*`|\\(.*|[0-9a-f-]{8,}|[0-9]+", "_").replaceAll("\\s+", " ");
        int colon = kind.indexOf(':', kind.indexOf(':') + 1);
        kind = colon > 0 ? kind.substring(0, colon) : kind;
        return kind.length() > 70 ? kind.substring(0, 70) : kind;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /** Someone else's records for the attacker to aim at: a credit, a renewal, an open audit with one document. */
    private record Victim(String id, String credit, String renewal, String audit, String document) {

        static Victim create(SystemUnderTest sut, String id) {
            LocalDate today = LocalDate.now(POLICY_ZONE);
            sut.renewal(STAFF, "hostile-staff").contentType(ContentType.JSON)
                    .body(Map.of("certificantId", id, "credential", "CPT", "certifiedOn", LocalDate.of(today.getYear() - 3, 1, 15).toString()))
                    .post("/api/v1/certifications").then().statusCode(201);
            String credit = sut.ledger(STAFF, "hostile-staff").contentType(ContentType.JSON)
                    .body("{\"title\":\"Victim's course\",\"provider\":\"NSCA\",\"providerKind\":\"MAJOR_FITNESS_ORGANIZATION\",\"category\":\"GENERAL\","
                            + "\"completedOn\":\"2025-02-01\",\"amount\":2,\"unit\":\"CONTACT_HOUR\",\"inScope\":true}")
                    .post("/api/v1/certificants/{id}/credits", id).then().statusCode(201).extract().path("creditId");
            String renewal = sut.renewal(CERTIFICANT, id).contentType(ContentType.JSON)
                    .body("{\"credentials\":[\"CPT\"],\"attestedCecs\":{\"ceOnlineAndAcsmEvents\":45},\"acknowledged\":true,"
                            + "\"cpr\":{\"provider\":\"Red Cross\",\"issuedOn\":\"" + today.minusDays(10) + "\",\"expiresOn\":\"" + today.plusYears(1)
                            + "\",\"handsOnSkills\":true}}")
                    .post("/api/v1/certificants/{id}/renewals", id).then().statusCode(202).extract().path("renewalId");
            try {
                assertThat(sut.cluster().paymentProvider().pay(renewal).json().path("outcome").asText()).isEqualTo("RENEWED");
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("could not pay the victim's renewal", e);
            }
            await("the renewal to reach the audit service").atMost(Duration.ofMinutes(1)).until(() -> sut.audit(STAFF, "hostile-staff")
                    .contentType(ContentType.JSON).body(Map.of("renewalId", renewal)).post("/api/v1/audits").statusCode() == 201
                    || sut.audit(STAFF, "hostile-staff").get("/api/v1/certificants/{id}/audits", id).jsonPath().getList("audits").size() == 1);
            String audit = sut.audit(STAFF, "hostile-staff").get("/api/v1/certificants/{id}/audits", id).jsonPath().getString("audits[0].auditId");
            String document = sut.audit(CERTIFICANT, id).multiPart("file", "proof.pdf",
                            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "application/pdf")
                    .post("/api/v1/audits/{audit}/documents", audit).then().statusCode(201).extract().path("documentId");
            return new Victim(id, credit, renewal, audit, document);
        }

        String resolve(String text, String attacker) {
            return text.replace("{self}", attacker).replace("{victim}", id).replace("{victimCredit}", credit)
                    .replace("{victimRenewal}", renewal).replace("{victimAudit}", audit).replace("{victimDocument}", document)
                    .replace("{year}", String.valueOf(LocalDate.now(POLICY_ZONE).getYear()));
        }
    }
}
