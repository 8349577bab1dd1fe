package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cecplatform.contract.CloudEventHeaders;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.LocalStackCluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a workload left behind, compared across the three databases and the ledger's topic once everything is quiet:
 * every intake message and accepted write in the ledger exactly once, the renewal projection and the audit service's
 * copy of verified credits equal to the ledger, one CECEarned (one event id) per credit, every accepted renewal once
 * in the audit pool and at most one audit each. Prints the figures, then asserts them.
 */
final class ReliabilityVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStackCluster cluster;
    private final ReliabilityDatabases db;
    private final ReliabilityWorkload workload;
    private final String like;

    long credits;
    long intakeLost;
    long intakeDuplicated;
    long restLost;
    long restDuplicated;
    long eventRecords;
    long distinctEventIds;
    long creditsWithOneEvent;
    long creditIdsOnTopic;
    long renewalsLost;
    long poolEntries;
    long selected;
    long audits;
    long auditOpenedIds;

    ReliabilityVerdict(LocalStackCluster cluster, ReliabilityWorkload workload) {
        this.cluster = cluster;
        this.db = new ReliabilityDatabases(cluster);
        this.workload = workload;
        this.like = workload.prefix() + "-%";
    }

    /** Waits until every intake message is recorded, every outbox is empty and both projections have every credit. */
    ReliabilityVerdict awaitQuiet(Duration timeout) {
        await("the platform to catch up").atMost(timeout).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            long ledgerCredits = db.count(ReliabilityDatabases.LEDGER, "select count(*) from credit where certificant_id like ?", like);
            long intakeRecorded = db.count(ReliabilityDatabases.LEDGER,
                    "select count(distinct external_ref) from credit where certificant_id like ? and external_ref is not null", like);
            assertThat(intakeRecorded).as("intake messages recorded").isGreaterThanOrEqualTo(workload.intakeIds().size());
            for (String name : ReliabilityDatabases.ALL) {
                assertThat(db.unpublished(name)).as("unpublished events in %s", name).isZero();
            }
            assertThat(db.count(ReliabilityDatabases.RENEWAL,
                    "select count(*) from ledger_credit where certificant_id like ? and earned", like))
                    .as("credits in the renewal projection").isEqualTo(ledgerCredits);
            assertThat(db.count(ReliabilityDatabases.AUDIT, "select count(*) from ledger_credit where certificant_id like ?", like))
                    .as("credits in the audit service's projection").isEqualTo(db.count(ReliabilityDatabases.LEDGER,
                            "select count(*) from credit where certificant_id like ?", like));
            assertThat(db.count(ReliabilityDatabases.AUDIT, "select count(*) from pool_entry where certificant_id like ?", like))
                    .as("renewals in the audit pool").isEqualTo(workload.acceptedRenewals().size());
        });
        return this;
    }

    ReliabilityVerdict compare() {
        credits = db.count(ReliabilityDatabases.LEDGER, "select count(*) from credit where certificant_id like ?", like);

        Map<String, Long> byExternalRef = db.counts(ReliabilityDatabases.LEDGER,
                "select external_ref from credit where certificant_id like ? and external_ref is not null", like);
        intakeLost = workload.intakeIds().stream().filter(id -> !byExternalRef.containsKey(id)).count();
        intakeDuplicated = byExternalRef.values().stream().mapToLong(n -> n - 1).sum();

        Map<String, Long> byKey = db.counts(ReliabilityDatabases.LEDGER,
                "select idempotency_key from idempotency_key where certificant_id like ?", like);
        long selfReported = db.count(ReliabilityDatabases.LEDGER,
                "select count(*) from credit where certificant_id like ? and source = 'SELF_REPORTED'", like);
        restLost = workload.acceptedKeys().stream().filter(k -> !byKey.containsKey(k)).count();
        restDuplicated = selfReported - byKey.size();

        List<ReliabilityEvents.Event> earned = ReliabilityEvents.readAll(cluster.kafkaLogins(), Topics.LEDGER,
                e -> e.key() != null && e.key().startsWith(workload.prefix() + "-")
                        && EventTypes.CEC_EARNED.equals(e.header(CloudEventHeaders.TYPE)));
        Map<String, Set<String>> eventIdsByCredit = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (ReliabilityEvents.Event e : earned) {
            String creditId = field(e.value(), "creditId");
            eventIdsByCredit.computeIfAbsent(creditId, c -> new HashSet<>()).add(e.header(CloudEventHeaders.ID));
            eventIds.add(e.header(CloudEventHeaders.ID));
        }
        eventRecords = earned.size();
        distinctEventIds = eventIds.size();
        creditIdsOnTopic = eventIdsByCredit.size();
        creditsWithOneEvent = eventIdsByCredit.values().stream().filter(ids -> ids.size() == 1).count();

        Map<String, Long> byReference = db.counts(ReliabilityDatabases.RENEWAL,
                "select payment_reference from renewal where certificant_id like ?", like);
        renewalsLost = workload.acceptedRenewals().stream().filter(r -> byReference.getOrDefault(r, 0L) != 1).count();
        poolEntries = db.count(ReliabilityDatabases.AUDIT, "select count(*) from pool_entry where certificant_id like ?", like);
        selected = db.count(ReliabilityDatabases.AUDIT, "select count(*) from pool_entry where certificant_id like ? and selected", like);
        audits = db.count(ReliabilityDatabases.AUDIT, "select count(*) from audit where certificant_id like ?", like);
        auditOpenedIds = ReliabilityEvents.readAll(cluster.kafkaLogins(), Topics.AUDITS,
                        e -> e.key() != null && e.key().startsWith(workload.prefix() + "-")
                                && EventTypes.AUDIT_OPENED.equals(e.header(CloudEventHeaders.TYPE)))
                .stream().map(e -> field(e.value(), "auditId")).distinct().count();
        return this;
    }

    /** Per certificant: the ledger's total of valid credits and the renewal projection's, where they differ. */
    Map<String, String> projectionDifferences() {
        Map<String, BigDecimal> ledger = db.sums(ReliabilityDatabases.LEDGER,
                "select certificant_id, sum(cecs) from credit where certificant_id like ? and not voided group by certificant_id", like);
        Map<String, BigDecimal> renewal = db.sums(ReliabilityDatabases.RENEWAL,
                "select certificant_id, sum(cecs) from ledger_credit where certificant_id like ? and earned and not voided group by certificant_id", like);
        Map<String, String> differences = new HashMap<>();
        Set<String> people = new HashSet<>(ledger.keySet());
        people.addAll(renewal.keySet());
        for (String p : people) {
            BigDecimal l = ledger.getOrDefault(p, BigDecimal.ZERO);
            BigDecimal r = renewal.getOrDefault(p, BigDecimal.ZERO);
            if (l.compareTo(r) != 0) {
                differences.put(p, "ledger " + l + " / renewal " + r);
            }
        }
        return differences;
    }

    String describe(String title, long faults) {
        ReliabilityHttp http = workload.http();
        long accepted = workload.acceptedKeys().size() + workload.acceptedRenewals().size() + workload.intakeIds().size();
        return String.format("%s%n"
                        + "  writes %d (intake messages %d acknowledged, self-reports %d accepted, renewals %d accepted), faults injected %d%n"
                        + "  accepted %d, rejected %d, abandoned %d, client retries %d, produce retries %d%n"
                        + "  lost: intake %d, self-reports %d, renewals %d; duplicated: intake %d, self-reports %d%n"
                        + "  credits %d; CECEarned records %d, distinct event ids %d, credits with exactly one event id %d%n"
                        + "  renewals in the audit pool %d, selected %d, audits %d, AuditOpened ids %d%n"
                        + "  HTTP answers by status %s (5xx other than 503: %d)",
                title, workload.writes(), workload.intakeIds().size(), workload.acceptedKeys().size(), workload.acceptedRenewals().size(),
                faults, accepted, workload.rejected(), workload.abandoned(), workload.retries(), workload.produceFailures(),
                intakeLost, restLost, renewalsLost, intakeDuplicated, restDuplicated,
                credits, eventRecords, distinctEventIds, creditsWithOneEvent,
                poolEntries, selected, audits, auditOpenedIds,
                http.countsByStatus(), http.unexpected5xx());
    }

    void assertNothingLostOrDuplicated() {
        assertThat(workload.rejected()).as("writes refused as invalid: %s", workload.rejections()).isZero();
        assertThat(workload.abandoned()).as("writes that never got an answer").isZero();
        assertThat(workload.http().unexpected5xx()).as("5xx answers other than 503").isZero();
        assertThat(intakeLost).as("intake messages lost").isZero();
        assertThat(intakeDuplicated).as("intake messages recorded twice").isZero();
        assertThat(restLost).as("accepted self-reports lost").isZero();
        assertThat(restDuplicated).as("self-reports recorded twice").isZero();
        assertThat(credits).as("credits").isEqualTo(workload.intakeIds().size() + (long) workload.acceptedKeys().size());
        assertThat(projectionDifferences()).as("renewal projection vs ledger, per certificant").isEmpty();
        assertThat(creditIdsOnTopic).as("distinct credit ids in CECEarned events").isEqualTo(credits);
        assertThat(creditsWithOneEvent).as("credits with exactly one CECEarned event id").isEqualTo(credits);
        assertThat(renewalsLost).as("accepted renewals not recorded exactly once").isZero();
        assertThat(poolEntries).as("renewals in the audit pool").isEqualTo(workload.acceptedRenewals().size());
        assertThat(audits).as("audits opened (one per selected renewal)").isEqualTo(selected);
        assertThat(db.count(ReliabilityDatabases.AUDIT,
                "select count(*) from (select renewal_id from audit where certificant_id like ? group by renewal_id having count(*) > 1) d", like))
                .as("renewals with more than one audit").isZero();
        assertThat(auditOpenedIds).as("distinct AuditOpened audit ids").isEqualTo(audits);
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable event: " + json, e);
        }
    }
}
