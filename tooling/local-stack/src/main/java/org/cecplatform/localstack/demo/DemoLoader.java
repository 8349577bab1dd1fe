package org.cecplatform.localstack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BinaryOperator;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.DevPaymentProvider;
import org.cecplatform.localstack.KafkaLogins;
import org.cecplatform.localstack.TopicWriters;
import org.cecplatform.localstack.demo.DemoPopulation.Credit;
import org.cecplatform.localstack.demo.DemoPopulation.Person;
import org.cecplatform.localstack.demo.DemoPopulation.Source;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads a {@link DemoPopulation} into a running stack the way its users would: staff grant the certifications
 * (REST), the LMS and the meeting systems send completions and attendance (intake topics), people self-report
 * credits and renew (REST, as themselves: quote first, then the exact fee). Then it waits until the audit-service
 * has drawn every renewal and compares its own per-level counts with the sampling report.
 */
public final class DemoLoader {

    private static final ZoneId POLICY_ZONE = ZoneId.of("America/New_York");
    private static final String[] MEETINGS = {"ANNUAL_MEETING", "HEALTH_FITNESS_SUMMIT", "WEBINAR"};

    /**
     * {@code today}: the day to move every service's clock to (noon in New York) before loading, or null to load on
     * the renewal-service's current day. {@code payments} pays each renewal request, as the member would.
     */
    public record Settings(String ledgerUrl, String renewalUrl, String auditUrl, KafkaLogins kafka,
                           BinaryOperator<String> tokens, DevPaymentProvider payments, LocalDate today, int threads,
                           Duration drawTimeout) {
    }

    private final Settings settings;
    private final StackHttp http;
    private final PrintStream progress;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** renewalId → certificant id and level, for the renewals this load made. */
    private final Map<String, String[]> renewals = new ConcurrentHashMap<>();
    private final AtomicLong certifications = new AtomicLong();
    /** Certificant → the audit of their renewal in this load. */
    private final Map<String, String> audited = new ConcurrentHashMap<>();

    public DemoLoader(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.http = new StackHttp(settings.tokens());
        this.progress = progress;
    }

    /** The day the load happens on: {@code settings.today} (after moving the clocks there), else the renewal-service's day. */
    public LocalDate today() {
        if (settings.today() != null) {
            Instant noon = settings.today().atTime(12, 0).atZone(POLICY_ZONE).toInstant();
            for (String base : List.of(settings.ledgerUrl(), settings.renewalUrl(), settings.auditUrl())) {
                StackHttp.expect(http.put(base + "/api/v1/admin/clock", "staff", "demo", Map.of("now", noon.toString())), 200,
                        "set the clock of " + base);
            }
            return settings.today();
        }
        JsonNode clock = StackHttp.expect(http.get(settings.renewalUrl() + "/api/v1/admin/clock", "staff", "demo"), 200, "read the clock");
        return Instant.parse(clock.path("now").asText()).atZone(POLICY_ZONE).toLocalDate();
    }

    public DemoReport load(DemoPopulation population) throws InterruptedException {
        int year = population.today().getYear();
        Map<String, long[]> before = sampling(year);
        ProgressBar bar = new ProgressBar(progress, "certificants", population.people().size());
        AtomicLong done = new AtomicLong();
        // Each integration's records under its own login: the LMS may write only its topic, the meetings only theirs.
        try (TopicWriters<String> producer = new TopicWriters<>(settings.kafka(), Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer())) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
            List<Future<?>> work = new ArrayList<>();
            for (Person person : population.people()) {
                work.add(pool.submit(() -> {
                    try {
                        loadPerson(person, population.today(), producer);
                    } catch (RuntimeException e) {
                        failures.add(person.certificantId() + ": " + e.getMessage());
                    }
                    bar.update(done.incrementAndGet(), String.format("renewals %d, failed %d", renewals.size(), failures.size()));
                }));
            }
            pool.shutdown();
            pool.awaitTermination(6, TimeUnit.HOURS);
            producer.flush();
        }
        Map<String, long[]> expected = countsByLevel();
        Map<String, long[]> after = awaitDraws(year, before, expected);
        countSelected(expected);
        long answered = answerAudits();
        List<DemoReport.Level> levels = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            String level = e.getKey();
            long[] mine = expected.getOrDefault(level, new long[2]);
            long[] was = before.getOrDefault(level, new long[3]);
            levels.add(new DemoReport.Level(level, mine[0], mine[1], rates.getOrDefault(level, "?"),
                    e.getValue()[0] - was[0], e.getValue()[1] - was[1]));
        }
        return new DemoReport(year, population.people().size(), certifications.get(), population.credits(), levels,
                audited.size(), answered, List.copyOf(failures));
    }

    private void loadPerson(Person person, LocalDate today, TopicWriters<String> producer) {
        String id = person.certificantId();
        for (String credential : person.credentials()) {
            StackHttp.expect(http.post(settings.renewalUrl() + "/api/v1/certifications", "staff", "demo-registrar",
                    Map.of("certificantId", id, "credential", credential, "certifiedOn", person.certifiedOn().toString())), 201,
                    "grant " + credential + " to " + id);
            certifications.incrementAndGet();
        }
        int n = 0;
        for (Credit credit : person.credits()) {
            n++;
            switch (credit.source()) {
                case LMS -> producer.send(new ProducerRecord<>(Topics.LMS_COURSE_COMPLETIONS, id, StackHttp.write(ordered(
                        "completionId", credit.externalId(), "memberId", id, "courseId", "CO-" + credit.title().replaceAll("\\D", ""),
                        "courseTitle", credit.title(), "cecs", credit.cecs(), "completedAt", credit.completedOn().toString()))),
                        (metadata, error) -> failed(error, "LMS completion " + credit.externalId()));
                case MEETING -> producer.send(new ProducerRecord<>(Topics.MEETINGS_ATTENDANCE, id, StackHttp.write(ordered(
                        "attendanceId", credit.externalId(), "memberId", id, "meeting", MEETINGS[n % MEETINGS.length],
                        "sessionCode", credit.title().substring(8), "title", credit.title(), "cecs", credit.cecs(),
                        "attendedOn", credit.completedOn().toString()))),
                        (metadata, error) -> failed(error, "attendance " + credit.externalId()));
                case SELF_REPORTED -> StackHttp.expect(http.post(settings.ledgerUrl() + "/api/v1/certificants/" + id + "/credits",
                        "certificant", id, ordered("title", credit.title(), "provider", "Regional Fitness Association",
                                "providerKind", "MAJOR_FITNESS_ORGANIZATION", "category", "GENERAL",
                                "completedOn", credit.completedOn().toString(), "amount", credit.cecs(), "unit", "CEC",
                                "inScope", true)), 201, "self-report " + credit.externalId());
            }
        }
        if (person.renews()) {
            renew(person, today);
        }
    }

    private void renew(Person person, LocalDate today) {
        String id = person.certificantId();
        Map<String, Object> attested = ordered(
                "ceOnlineAndAcsmEvents", person.total(Source.LMS).add(person.total(Source.MEETING)),
                "otherProviders", person.total(Source.SELF_REPORTED), "collegeCourses", 0, "committeeService", 0,
                "cprAedFirstAid", 0, "publicationsAndPresentations", 0);
        Map<String, Object> body = ordered(
                "credentials", person.credentials(), "attestedCecs", attested, "acknowledged", true,
                "cpr", ordered("provider", "American Red Cross", "issuedOn", today.minusDays(200).toString(),
                        "expiresOn", today.plusDays(530).toString(), "handsOnSkills", true));
        JsonNode renewal = StackHttp.expect(http.post(settings.renewalUrl() + "/api/v1/certificants/" + id + "/renewals",
                "certificant", id, body), 202, "renewal request of " + id);
        String renewalId = renewal.path("renewalId").asText();
        pay(renewalId);
        renewals.put(renewalId, new String[] {id, renewal.path("level").asText()});
    }

    /** The member pays what the renewal asks; the renewal-service must answer that it renewed. */
    private void pay(String renewalId) {
        DevPaymentProvider.Answer answer;
        try {
            answer = settings.payments().pay(renewalId);
        } catch (IOException e) {
            throw new StackHttp.DemoException("payment of renewal " + renewalId + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackHttp.DemoException("payment of renewal " + renewalId + " interrupted");
        }
        if (answer.status() != 200 || !"RENEWED".equals(answer.json().path("outcome").asText())) {
            throw new StackHttp.DemoException("payment of renewal " + renewalId + ": HTTP " + answer.status() + " " + answer.body());
        }
    }

    private final Map<String, String> rates = new ConcurrentHashMap<>();

    /** Level → {renewals, selected (incl. hand-selected)} of the year's sampling report. */
    private Map<String, long[]> sampling(int year) {
        JsonNode report = StackHttp.expect(http.get(settings.auditUrl() + "/api/v1/sampling/" + year, "staff", "demo"), 200,
                "sampling report " + year);
        Map<String, long[]> levels = new LinkedHashMap<>();
        for (JsonNode level : report.path("levels")) {
            String credential = level.path("credential").asText();
            rates.put(credential, level.path("rate").asText());
            levels.put(credential, new long[] {level.path("renewals").asLong(), level.path("selected").asLong()});
        }
        return levels;
    }

    private Map<String, long[]> countsByLevel() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String[] renewal : renewals.values()) {
            counts.computeIfAbsent(renewal[1], l -> new long[2])[0]++;
        }
        return counts;
    }

    /** Waits until the audit-service has taken every renewal of this load into its pools (it consumes them from Kafka). */
    private Map<String, long[]> awaitDraws(int year, Map<String, long[]> before, Map<String, long[]> expected) throws InterruptedException {
        long total = expected.values().stream().mapToLong(c -> c[0]).sum();
        ProgressBar bar = new ProgressBar(progress, "audit draws", total);
        Instant deadline = Instant.now().plus(settings.drawTimeout());
        while (true) {
            Map<String, long[]> now = sampling(year);
            long drawn = 0;
            boolean all = true;
            for (Map.Entry<String, long[]> e : expected.entrySet()) {
                long seen = now.getOrDefault(e.getKey(), new long[2])[0] - before.getOrDefault(e.getKey(), new long[2])[0];
                drawn += Math.min(seen, e.getValue()[0]);
                all &= seen >= e.getValue()[0];
            }
            bar.update(all ? total : drawn, "");
            if (all || Instant.now().isAfter(deadline)) {
                if (!all) {
                    progress.println();
                    failures.add("the audit-service drew " + drawn + " of " + total + " renewals within " + settings.drawTimeout());
                }
                return now;
            }
            Thread.sleep(500);
        }
    }

    /** Counts, per level, the renewals of this load that have an audit (asks for each renewing person's audits). */
    private void countSelected(Map<String, long[]> counts) {
        ProgressBar bar = new ProgressBar(progress, "audits", renewals.size());
        long done = 0;
        for (Map.Entry<String, String[]> renewal : renewals.entrySet()) {
            JsonNode page = StackHttp.expect(http.get(settings.auditUrl() + "/api/v1/certificants/" + renewal.getValue()[0]
                    + "/audits?size=500", "staff", "demo"), 200, "audits of " + renewal.getValue()[0]);
            for (JsonNode audit : page.path("audits")) {
                if (renewal.getKey().equals(audit.path("renewalId").asText())) {
                    counts.get(renewal.getValue()[1])[1]++;
                    audited.put(renewal.getValue()[0], audit.path("auditId").asText());
                }
            }
            bar.update(++done, "");
        }
    }

    /** Every other audited person answers their audit (see {@link DemoAuditAnswers}); returns how many did. */
    private long answerAudits() {
        DemoAuditAnswers answers = new DemoAuditAnswers(http, settings.ledgerUrl(), settings.auditUrl());
        List<Map.Entry<String, String>> answering = audited.entrySet().stream()
                .filter(audit -> DemoAuditAnswers.answers(audit.getKey())).toList();
        ProgressBar bar = new ProgressBar(progress, "audit answers", answering.size());
        long done = 0;
        long answered = 0;
        for (Map.Entry<String, String> audit : answering) {
            try {
                answers.answer(audit.getKey(), audit.getValue());
                answered++;
            } catch (RuntimeException e) {
                failures.add("audit " + audit.getValue() + " of " + audit.getKey() + ": " + e.getMessage());
            }
            bar.update(++done, "");
        }
        return answered;
    }

    private void failed(Exception error, String what) {
        if (error != null) {
            failures.add(what + ": " + error);
        }
    }

    /** A JSON object with its fields in the given order (readable payloads). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
