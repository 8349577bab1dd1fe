package org.cecplatform.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.cecplatform.benchmark.Settings.Part;
import org.cecplatform.localstack.DevPaymentProvider;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;

/** The parts of one run, in order, on one stack; each puts its figures in the report. */
final class Runs {

    private static final Duration IDLE_BEFORE_SECOND_RSS = Duration.ofSeconds(15);

    private final LocalStackCluster cluster;
    private final Settings s;
    private final Report report;
    private final int year;
    private final String tag = HexFormat.of().formatHex(new byte[] {
            (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    private long completionsSent;
    private double rawPerSecond;
    private Api renewal;
    private Api audit;
    private String staff;
    /** Each certificant's own token: reads and renewals are made as the members themselves, as in production. */
    private final Map<String, String> tokens = new HashMap<>();

    Runs(LocalStackCluster cluster, Settings settings, Report report, int year) {
        this.cluster = cluster;
        this.s = settings;
        this.report = report;
        this.year = year;
    }

    int all() throws Exception {
        startStack();
        renewal = new Api(cluster.baseUrl(PlatformService.RENEWAL));
        audit = new Api(cluster.baseUrl(PlatformService.AUDIT));
        staff = cluster.mintToken("staff", "benchmark");
        if (s.runs(Part.RAW)) {
            raw();
        }
        if (s.consumesCompletions() && s.warmUpCompletions() > 0) {
            warmUp();
        }
        if (s.runs(Part.PIPELINE)) {
            pipeline();
        }
        if (s.runs(Part.STEADY)) {
            steady();
        }
        if (s.runs(Part.REBUILD)) {
            rebuild();
        }
        List<String> certified = List.of();
        if (s.certificationsToGrant() > 0) {
            certified = grant(s.certificationsToGrant());
            say("tokens for " + certified.size() + " certificants (setup)");
            for (String id : certified) {
                tokens.put(id, cluster.mintToken("certificant", id));
            }
        }
        if (s.runs(Part.READS)) {
            reads(certified);
        }
        if (s.runs(Part.READS_WITH_UPLOADS)) {
            readsWithUploads(certified);
        }
        if (s.runs(Part.RENEWALS)) {
            renewals(certified.subList(0, s.renewals()));
        }
        memory();
        report.put("run", "loadAverageAtEnd", Machine.loadAverage());
        report.row("load average (1/5/15 min) at start; at end", report.section("run").get("loadAverageAtStart")
                + "; " + report.section("run").get("loadAverageAtEnd"), "2 cores, shared");
        return correctness();
    }

    private static void say(String what) {
        System.err.println("== " + what);
    }

    private void startStack() throws Exception {
        say("starting PostgreSQL and Kafka");
        cluster.startInfrastructure();
        for (PlatformService service : PlatformService.values()) {
            say("starting " + service.moduleName());
            long t0 = System.nanoTime();
            cluster.startService(service);
            cluster.awaitReady(service, LocalStackCluster.DEFAULT_READY_TIMEOUT);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.put("startup", service.moduleName() + "Seconds", seconds);
            report.row(service.moduleName() + " start-up to ready (s)", Report.fmt(seconds), "");
        }
    }

    private void raw() throws Exception {
        CompletionMessages sample = messages("raw", s.certificants());
        // At least 100,000 records: fewer measure mostly the tool's own start-up.
        int records = Math.max(100_000, s.completions());
        say("raw Kafka: ProducerPerformance, " + records + " records of " + sample.typicalSize() + " bytes");
        RawKafka.Result r = new RawKafka(cluster.kafkaLogins().asOperator()).run(records, sample.typicalSize());
        rawPerSecond = r.recordsPerSecond();
        report.put("raw", "records", r.records()).put("raw", "recordSize", r.recordSize())
                .put("raw", "recordsPerSecond", r.recordsPerSecond()).put("raw", "summary", r.summaryLine());
        report.row("raw Kafka ProducerPerformance (records/s, " + r.recordSize() + " B, acks=all)",
                Report.fmt(r.recordsPerSecond()), "yardstick");
    }

    private CompletionMessages messages(String phase, int certificants) {
        return new CompletionMessages(tag, phase, certificants, LocalDate.now().minusDays(20).toString());
    }

    /**
     * Freshly started services spend most of their first minute's CPU in the JIT compilers; a warm-up run makes the
     * measured parts show the steady state a service that has been up for a while is in. Its rate is reported too.
     */
    private void warmUp() throws Exception {
        int n = s.warmUpCompletions();
        say("warm-up: " + n + " completions to the freshly started services (not part of the figures below it)");
        ProjectionWatch.Projected p = produceAndWatch(messages("warmup", s.certificants()), n, 0);
        report.put("warmup", "completions", n).put("warmup", "cecPerSecond", n / p.seconds());
        report.row("warm-up, cold services: " + n + " completions (CEC/s)", Report.fmt(n / p.seconds()), "");
    }

    private void pipeline() throws Exception {
        CompletionMessages messages = messages("pipeline", s.certificants());
        int n = s.completions();
        say("pipeline: " + n + " completions over " + s.certificants() + " certificants, unthrottled");
        CpuMeter cpu = new CpuMeter(cluster);
        CpuMeter.Snapshot before = cpu.take();
        ProjectionWatch.Projected p = produceAndWatch(messages, n, 0);
        Map<String, Double> cpuPerThousand = CpuMeter.perThousand(before, cpu.take(), n);
        double perSecond = n / p.seconds();
        LatencyStats lag = LatencyStats.of(p.lagMicros());
        report.put("pipeline", "completions", n).put("pipeline", "certificants", s.certificants())
                .put("pipeline", "seconds", p.seconds()).put("pipeline", "cecPerSecond", perSecond)
                .put("pipeline", "lagMs", lag);
        double ledgerSeconds = (Double) report.section("pipeline").get("ledgerRecordedAllAfterSeconds");
        report.row("pipeline: ledger intake alone (credits/s)", Report.fmt(n / ledgerSeconds), "");
        report.row("pipeline end to end (CEC/s)", Report.fmt(perSecond), ">= 5,000");
        report.row("pipeline lag p50 / p99 (ms)", Report.fmt(lag.p50Ms()) + " / " + Report.fmt(lag.p99Ms()), "");
        report.put("pipeline", "cpuMsPerThousand", cpuPerThousand);
        report.row("pipeline CPU per 1,000 CEC (ms): " + String.join(" / ", cpuPerThousand.keySet()),
                String.join(" / ", cpuPerThousand.values().stream().map(Report::fmt).toList()), "");
        if (rawPerSecond > 0) {
            report.put("pipeline", "ratioToRaw", perSecond / rawPerSecond);
            report.row("ratio pipeline / raw Kafka", String.format("%.3f", perSecond / rawPerSecond), "");
        }
    }

    private ProjectionWatch.Projected produceAndWatch(CompletionMessages messages, int n, int rate) throws Exception {
        CompletionProducer.Sent sent = new CompletionProducer(cluster.kafkaLogins().asWriterOf(CompletionProducer.TOPIC))
                .send(messages, n, rate, new Progress(System.err, "produced", n));
        completionsSent += n;
        ProjectionWatch watch = new ProjectionWatch(new Databases(cluster));
        long ledgerDone = watch.awaitAll(messages, n, new Progress(System.err, "projected", n));
        ProjectionWatch.Projected p = watch.lags(messages, sent);
        report.put(messages.phase(), "ledgerRecordedAllAfterSeconds", (ledgerDone - p.firstSentMicros()) / 1e6);
        report.put(messages.phase(), "producingSeconds", sent.producingNanos() / 1e9);
        if (p.rows() != n) {
            throw new IllegalStateException("projection holds " + p.rows() + " rows of " + n);
        }
        return p;
    }

    private void steady() throws Exception {
        int n = s.steadyRate() * s.steadySeconds();
        say("steady lag: " + s.steadyRate() + " completions/s for " + s.steadySeconds() + " s");
        ProjectionWatch.Projected p = produceAndWatch(messages("steady", s.certificants()), n, s.steadyRate());
        LatencyStats lag = LatencyStats.of(p.lagMicros());
        report.put("steady", "ratePerSecond", s.steadyRate()).put("steady", "seconds", s.steadySeconds())
                .put("steady", "lagMs", lag);
        report.row("steady " + s.steadyRate() + "/s lag p50 / p99 (ms)",
                Report.fmt(lag.p50Ms()) + " / " + Report.fmt(lag.p99Ms()), "p99 < 1,000");
    }

    private void rebuild() throws Exception {
        say("rebuild of the ledger credits projection");
        String path = "/api/v1/admin/projections/ledger-credits/rebuild";
        renewal.post(path, staff, Map.of()).expect(202);
        JsonNode state;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        do {
            Thread.sleep(500);
            state = renewal.get(path, staff).expect(200).json();
        } while (state.path("state").asText().equals("RUNNING") && System.nanoTime() < deadline);
        if (!state.path("state").asText().equals("COMPLETED")) {
            throw new IllegalStateException("rebuild did not complete: " + state);
        }
        double seconds = Duration.between(java.time.Instant.parse(state.path("startedAt").asText()),
                java.time.Instant.parse(state.path("finishedAt").asText())).toNanos() / 1e9;
        long events = state.path("eventsDone").asLong();
        double perSecond = events / seconds;
        report.put("rebuild", "events", events).put("rebuild", "seconds", seconds)
                .put("rebuild", "eventsPerSecond", perSecond).put("rebuild", "state", Api.JSON.convertValue(state, Map.class));
        report.row("rebuild (events/s)", Report.fmt(perSecond), ">= 20,000");
    }

    /** Puts the clocks of renewal and audit on 31 December (the rush) and grants CPT certified 3½ years before. */
    private List<String> grant(int count) throws Exception {
        String now = year + "-12-31T15:00:00Z";
        renewal.put("/api/v1/admin/clock", staff, Map.of("now", now)).expect(200, 204);
        audit.put("/api/v1/admin/clock", staff, Map.of("now", now)).expect(200, 204);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("bench-" + tag + "-g-c" + i);
        }
        say("granting " + count + " certifications (setup, not timed as a figure)");
        String certifiedOn = (year - 3) + "-06-01";
        Load.Result r = Load.times(s.readClients(), count, i -> renewal.post("/api/v1/certifications", staff,
                Map.of("certificantId", ids.get(i), "credential", "CPT", "certifiedOn", certifiedOn)).expect(201));
        requireNoErrors("grants", r);
        report.put("setup", "grantsPerSecond", r.perSecond());
        return ids;
    }

    private void reads(List<String> certified) throws Exception {
        List<String> ids = certified.subList(0, Math.min(s.grants(), certified.size()));
        Duration length = Duration.ofSeconds(s.readSeconds());
        IntFunction<EventLoopLoad.Get> read = n -> {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            return new EventLoopLoad.Get("/api/v1/certificants/" + id + "/certifications", tokens.get(id));
        };
        Load.Result reads;
        Load.Result health;
        try (EventLoopLoad load = new EventLoopLoad(cluster.baseUrl(PlatformService.RENEWAL))) {
            if (s.warmUpCompletions() > 0) {
                say("reads: warm-up, " + s.readClients() + " clients for " + length.dividedBy(3).toSeconds() + " s");
                requireNoErrors("read warm-up", load.forDuration(s.readClients(), length.dividedBy(3), read));
            }
            say("reads: " + s.readClients() + " clients for " + length.toSeconds() + " s on certifications, then health");
            reads = load.forDuration(s.readClients(), length, read);
        }
        // Health is served on the management interface, the service's second port.
        try (EventLoopLoad load = new EventLoopLoad(cluster.managementUrl(PlatformService.RENEWAL))) {
            health = load.forDuration(s.readClients(), length, n -> new EventLoopLoad.Get("/q/health/live", null));
        }
        requireNoErrors("reads", reads);
        requireNoErrors("health", health);
        report.put("reads", "certifications", loadFigures(reads)).put("reads", "healthLive", loadFigures(health))
                .put("reads", "ratio", reads.perSecond() / health.perSecond());
        report.row("reads certifications (req/s)", Report.fmt(reads.perSecond()), "");
        report.row("reads certifications p50 / p99 (ms)",
                Report.fmt(reads.latency().p50Ms()) + " / " + Report.fmt(reads.latency().p99Ms()), "p99 < 20");
        report.row("health/live (req/s)", Report.fmt(health.perSecond()), "");
        report.row("health/live p50 / p99 (ms)",
                Report.fmt(health.latency().p50Ms()) + " / " + Report.fmt(health.latency().p99Ms()), "");
        report.row("ratio certifications / health (req/s)",
                String.format("%.3f", reads.perSecond() / health.perSecond()), "");
    }

    /** The reads alone and beside uploads of 10 MB documents to the audit-service ({@link ReadsWithUploads}). */
    private void readsWithUploads(List<String> certified) throws Exception {
        int readers = Math.min(s.grants(), certified.size() - ReadsWithUploads.AUDITS);
        List<String> ids = certified.subList(0, readers);
        List<Map.Entry<String, String>> audits = openAudits(certified.subList(certified.size() - ReadsWithUploads.AUDITS,
                certified.size()));
        Duration length = Duration.ofSeconds(s.readSeconds());
        IntFunction<EventLoopLoad.Get> read = n -> {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            return new EventLoopLoad.Get("/api/v1/certificants/" + id + "/certifications", tokens.get(id));
        };
        ReadsWithUploads.Figures f;
        try (EventLoopLoad load = new EventLoopLoad(cluster.baseUrl(PlatformService.RENEWAL))) {
            if (s.warmUpCompletions() > 0) {
                say("reads with uploads: warm-up, " + s.readClients() + " clients for " + length.dividedBy(3).toSeconds() + " s");
                requireNoErrors("read warm-up", load.forDuration(s.readClients(), length.dividedBy(3), read));
            }
            say("reads with uploads: " + s.readClients() + " clients for " + length.toSeconds() + " s alone, then "
                    + length.toSeconds() + " s beside " + ReadsWithUploads.UPLOAD_CLIENTS + " clients uploading 10 MB documents");
            f = new ReadsWithUploads(cluster.baseUrl(PlatformService.AUDIT)).run(load, s.readClients(), length, read, audits);
        }
        requireNoErrors("reads alone", f.readsAlone());
        requireNoErrors("reads beside uploads", f.readsBeside());
        requireNoErrors("uploads", f.uploads());
        double megabytesPerSecond = f.uploads().perSecond() * ReadsWithUploads.DOCUMENT_BYTES / (1024.0 * 1024);
        report.put("readsWithUploads", "readsAlone", loadFigures(f.readsAlone()))
                .put("readsWithUploads", "readsBesideUploads", loadFigures(f.readsBeside()))
                .put("readsWithUploads", "uploads", loadFigures(f.uploads()))
                .put("readsWithUploads", "uploadMegabytesPerSecond", megabytesPerSecond);
        report.row("reads alone (req/s; p50 / p99 ms)", Report.fmt(f.readsAlone().perSecond()) + "; "
                + Report.fmt(f.readsAlone().latency().p50Ms()) + " / " + Report.fmt(f.readsAlone().latency().p99Ms()), "");
        report.row("reads beside uploads (req/s; p50 / p99 ms)", Report.fmt(f.readsBeside().perSecond()) + "; "
                + Report.fmt(f.readsBeside().latency().p50Ms()) + " / " + Report.fmt(f.readsBeside().latency().p99Ms()), "");
        report.row("10 MB uploads beside (uploads/s, MB/s; p50 / p99 ms)", String.format("%.2f, %.1f; %s / %s",
                f.uploads().perSecond(), megabytesPerSecond, Report.fmt(f.uploads().latency().p50Ms()),
                Report.fmt(f.uploads().latency().p99Ms())), "");
    }

    /** Renews each certificant and has staff select the renewal for audit: (audit id, the member's token) per person. */
    private List<Map.Entry<String, String>> openAudits(List<String> ids) throws Exception {
        say("reads with uploads: " + ids.size() + " renewals selected for audit, to upload to (setup)");
        List<Map.Entry<String, String>> audits = new ArrayList<>();
        DevPaymentProvider payments = cluster.paymentProvider();
        for (String id : ids) {
            audits.add(Map.entry(auditOf(id, renewAndPay(id, payments)), tokens.get(id)));
        }
        return audits;
    }

    /** Staff select the renewal by hand once the audit-service has it (422 until then); 409: the draw picked it already. */
    private String auditOf(String id, String renewalId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Api.Answer selected = audit.post("/api/v1/audits", staff, Map.of("renewalId", renewalId));
            if (selected.status() == 201) {
                return selected.json().path("auditId").asText();
            }
            if (selected.status() == 409) {
                return audit.get("/api/v1/certificants/" + id + "/audits", staff).expect(200).json()
                        .path("audits").get(0).path("auditId").asText();
            }
            if (selected.status() != 422 || System.nanoTime() > deadline) {
                throw new IllegalStateException("could not select renewal " + renewalId + " for audit: HTTP "
                        + selected.status() + " " + selected.body());
            }
            Thread.sleep(250);
        }
    }

    private void renewals(List<String> ids) throws Exception {
        long sampledBefore = sampledRenewals();
        DevPaymentProvider payments = cluster.paymentProvider();
        say("renewal burst: " + ids.size() + " renewals by " + s.renewalClients() + " clients (each a request, then"
                + " its payment through the development provider's signed webhook)");
        long t0 = System.nanoTime();
        Load.Result r = Load.times(s.renewalClients(), ids.size(), i -> renewAndPay(ids.get(i), payments));
        requireNoErrors("renewals", r);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long sampled;
        while ((sampled = sampledRenewals() - sampledBefore) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        double untilSampled = (System.nanoTime() - t0) / 1e9;
        if (sampled < ids.size()) {
            throw new IllegalStateException("audit sampled " + sampled + " of " + ids.size() + " renewals");
        }
        report.put("renewals", "burst", loadFigures(r)).put("renewals", "sampledByAudit", sampled)
                .put("renewals", "secondsUntilAllSampled", untilSampled);
        report.row("renewal burst (renewals/s)", Report.fmt(r.perSecond()), "");
        report.row("renewal burst p50 / p99 (ms)",
                Report.fmt(r.latency().p50Ms()) + " / " + Report.fmt(r.latency().p99Ms()), "");
        report.row("renewals sampled by audit, all after (s)", sampled + ", " + Report.fmt(untilSampled), "");
    }

    /** A renewal as its member makes it: the request (202, pending), then its payment; returns the renewal id. */
    private String renewAndPay(String id, DevPaymentProvider payments) throws Exception {
        JsonNode pending = renewal.post("/api/v1/certificants/" + id + "/renewals", tokens.get(id), renewalRequest())
                .expect(202).json();
        DevPaymentProvider.Answer paid = payments.notify(DevPaymentProvider.paymentDue(pending));
        if (paid.status() != 200 || !"RENEWED".equals(paid.json().path("outcome").asText())) {
            throw new IllegalStateException("payment of " + id + "'s renewal refused: HTTP " + paid.status() + " "
                    + paid.body());
        }
        return pending.path("renewalId").asText();
    }

    private Map<String, Object> renewalRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentials", List.of("CPT"));
        body.put("attestedCecs", Map.of("ceOnlineAndAcsmEvents", 45, "otherProviders", 0, "collegeCourses", 0,
                "committeeService", 0, "cprAedFirstAid", 0, "publicationsAndPresentations", 0));
        body.put("acknowledged", true);
        body.put("cpr", Map.of("provider", "American Red Cross", "issuedOn", year + "-02-01",
                "expiresOn", (year + 2) + "-02-01", "handsOnSkills", true));
        return body;
    }

    private long sampledRenewals() throws Exception {
        long total = 0;
        for (JsonNode level : audit.get("/api/v1/sampling/" + year, staff).expect(200).json().path("levels")) {
            total += level.path("renewals").asLong();
        }
        return total;
    }

    /**
     * Each service's RSS right after the last run, and again once it has been idle for a while: a service that has
     * just compiled the burst's code still holds the JIT compilers' scratch memory, which it hands back within
     * seconds (native-heap trimming every 5 s). Both are reported.
     */
    private void memory() throws InterruptedException {
        Map<PlatformService, Long> right = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            right.put(service, cluster.rssKb(service) / 1024);
        }
        Thread.sleep(IDLE_BEFORE_SECOND_RSS.toMillis());
        for (PlatformService service : PlatformService.values()) {
            long idle = cluster.rssKb(service) / 1024;
            report.put("memory", service.moduleName() + "RssMb", right.get(service));
            report.put("memory", service.moduleName() + "RssMbIdle", idle);
            report.row(service.moduleName() + " RSS after the runs; after " + IDLE_BEFORE_SECOND_RSS.toSeconds()
                    + " s idle (MB)", right.get(service) + "; " + idle, "<= 300");
        }
        cluster.kafkaRssKb().ifPresent(kb -> report.put("memory", "kafkaRssMb", kb / 1024));
    }

    private int correctness() throws Exception {
        Correctness.Counts counts = new Correctness(new Databases(cluster), new TopicCounts(cluster.kafkaLogins().asOperator()))
                .count(completionsSent);
        List<String> problems = counts.disagreements();
        report.put("correctness", "counts", counts).put("correctness", "problems", problems);
        report.row("correctness: sent / ledger / topic / projection", counts.completionsSent() + " / "
                + counts.ledgerCredits() + " / " + counts.ledgerTopicEvents() + " / " + counts.projectedCredits(),
                problems.isEmpty() ? "agree" : "DISAGREE");
        if (!problems.isEmpty()) {
            System.err.println();
            System.err.println("!!!!!!!! CORRECTNESS CHECK FAILED: the counts disagree !!!!!!!!");
            problems.forEach(p -> System.err.println("!!!!!!!!   " + p));
            return 2;
        }
        return 0;
    }

    private static Map<String, Object> loadFigures(Load.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", r.requests());
        m.put("errors", r.errors());
        m.put("seconds", r.seconds());
        m.put("perSecond", r.perSecond());
        m.put("latencyMs", r.latency());
        return m;
    }

    private static void requireNoErrors(String what, Load.Result r) {
        if (r.errors() > 0) {
            throw new IllegalStateException(what + ": " + r.errors() + " failed requests, first: " + r.firstError());
        }
    }
}
