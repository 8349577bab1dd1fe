package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole of cec.ledger.v1, cec.renewals.v1 and cec.audits.v1 delivered again to every consumer (their groups reset
 * to the beginning) changes nothing: projections, audits, sampling pools, statuses and the event logs are the same
 * before and after.
 */
@SystemTest
class ReplaySystemTest {

    private static final Duration READY = Duration.ofSeconds(240);

    /** The consumer groups of the event topics (the services' application.properties), by the service that runs them. */
    private static final Map<PlatformService, Map<String, String>> GROUPS = Map.of(
            PlatformService.RENEWAL, Map.of("renewal-service", Topics.LEDGER, "renewal-service.audits", Topics.AUDITS),
            PlatformService.AUDIT, Map.of("audit-service.ledger", Topics.LEDGER, "audit-service.renewals", Topics.RENEWALS));

    /** What a replay must leave as it was: every projection, audit and status (ordered, every column). */
    private static final Map<String, String> SNAPSHOTS = snapshots();

    @AfterEach
    void everythingRunsAgain(SystemUnderTest sut) throws Exception {
        sut.cluster().startServices();
        sut.cluster().awaitReady(READY);
    }

    @Test
    void replayingEveryEventTopicChangesNothing(SystemUnderTest sut) throws Exception {
        LocalStackCluster cluster = sut.cluster();
        ReliabilityDatabases db = new ReliabilityDatabases(cluster);
        String prefix = "RP" + UUID.randomUUID().toString().substring(0, 6);
        ReliabilityWorkload workload = new ReliabilityWorkload(cluster, prefix, 20, 400, 10, 7L);
        workload.grantRenewersCertifications();
        workload.run(4, Duration.ZERO);
        workload.close();
        new ReliabilityVerdict(cluster, workload).awaitQuiet(Duration.ofMinutes(3));
        Map<String, List<String>> before = snapshot(db);

        try (Admin admin = Admin.create(cluster.kafkaLogins().asOperator())) {
            long redelivered = 0;
            for (Map.Entry<PlatformService, Map<String, String>> service : GROUPS.entrySet()) {
                cluster.stopService(service.getKey());
                for (Map.Entry<String, String> group : service.getValue().entrySet()) {
                    redelivered += resetToEarliest(admin, group.getKey(), group.getValue());
                }
                cluster.startService(service.getKey());
            }
            cluster.awaitReady(READY);
            System.out.printf("Replay: %d records to be delivered again to %d consumer groups%n", redelivered,
                    GROUPS.values().stream().mapToInt(Map::size).sum());
            await("every consumer to catch up again").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(lag(admin)).as("lag per group").allSatisfy((group, lag) -> assertThat(lag).isZero()));
        }
        Map<String, List<String>> after = snapshot(db);

        Map<String, String> rows = new LinkedHashMap<>();
        before.forEach((name, snapshot) -> rows.put(name, snapshot.size() + " rows"));
        System.out.println("Replay: compared " + rows);
        for (String name : before.keySet()) {
            assertThat(after.get(name)).as(name + " after the replay").containsExactlyElementsOf(before.get(name));
        }
    }

    /** Sets the group's offsets to the start of every partition; returns how many records that re-delivers. */
    private static long resetToEarliest(Admin admin, String group, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long redelivered = partitions.stream().mapToLong(p -> committed.get(p) == null ? 0 : committed.get(p).offset() - earliest.get(p)).sum();
        // the stopped service's member may take a moment to leave the group
        await("group " + group + " empty").atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            admin.alterConsumerGroupOffsets(group, earliest.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
            return true;
        });
        return redelivered;
    }

    private static Map<String, Long> lag(Admin admin) throws Exception {
        Map<String, Long> lag = new HashMap<>();
        for (Map<String, String> groups : GROUPS.values()) {
            for (Map.Entry<String, String> group : groups.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> end = offsets(admin, List.copyOf(committed.keySet()), OffsetSpec.latest());
                lag.put(group.getKey(), committed.entrySet().stream().mapToLong(e -> end.get(e.getKey()) - e.getValue().offset()).sum());
            }
        }
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<String, List<String>> snapshot(ReliabilityDatabases db) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        SNAPSHOTS.forEach((name, query) -> snapshot.put(name, db.rows(name.substring(0, name.indexOf('.')), query)));
        return snapshot;
    }

    private static Map<String, String> snapshots() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("renewal.ledger_credit", "select * from ledger_credit order by credit_id");
        s.put("renewal.certification", "select * from certification order by certification_id");
        s.put("renewal.certification_cycle", "select * from certification_cycle order by certification_id, number");
        s.put("renewal.renewal", "select renewal_id, certificant_id, kind, cecs_tracked from renewal order by renewal_id");
        s.put("renewal.event_log", "select count(*) from event_log");
        s.put("audit.ledger_credit", "select * from ledger_credit order by credit_id");
        s.put("audit.pool_entry", "select renewal_id, level, year, ordinal, selected from pool_entry order by renewal_id");
        s.put("audit.sampling_pool", "select level, year, renewals, selected from sampling_pool order by level, year");
        s.put("audit.audit", "select audit_id, renewal_id, status, version, next_deadline, state::text, updated_at from audit order by audit_id");
        s.put("audit.event_log", "select count(*) from event_log");
        s.put("ledger.event_log", "select count(*) from event_log");
        return s;
    }
}
