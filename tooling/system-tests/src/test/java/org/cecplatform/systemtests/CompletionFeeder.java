package org.cecplatform.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cecplatform.contract.Topics;

/**
 * LMS completions for members with a fresh prefix, produced in bursts of 1,000 so that the ledger always has about
 * {@code backlog} of them left to record, until closed. However fast the machine, a service stopped meanwhile stops
 * in the middle of its batches: a stopping Quarkus service goes on consuming for seconds (its relay and its consumers
 * close one after the other), and a fixed burst could be used up by then. While the database is away the feeder goes
 * by the last count it read.
 */
final class CompletionFeeder implements AutoCloseable {

    private static final int BURST = 1_000;
    private static final int MEMBERS = 200;
    private static final Duration PACE = Duration.ofMillis(100);

    private final SystemUnderTest sut;
    private final ReliabilityDatabases db;
    private final String prefix;
    private final int backlog;
    private final Set<String> completionIds = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private long lastRecorded;
    private volatile RuntimeException failure;

    private CompletionFeeder(SystemUnderTest sut, String tag, int backlog) {
        this.sut = sut;
        this.db = new ReliabilityDatabases(sut.cluster());
        this.prefix = tag + UUID.randomUUID().toString().substring(0, 6);
        this.backlog = backlog;
        this.thread = new Thread(this::feed, "completion-feeder");
    }

    static CompletionFeeder start(SystemUnderTest sut, String tag, int backlog) {
        CompletionFeeder feeder = new CompletionFeeder(sut, tag, backlog);
        feeder.thread.start();
        return feeder;
    }

    private void feed() {
        try {
            while (running) {
                if (completionIds.size() - recordedOrLastKnown() < backlog) {
                    produceBurst();
                } else {
                    LockSupport.parkNanos(PACE.toNanos()); // the feeder's pace, not a wait for a result
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private long recordedOrLastKnown() {
        try {
            lastRecorded = recordedByLedger();
        } catch (IllegalStateException databaseAway) {
            // a test stopped PostgreSQL: keep the backlog it had
        }
        return lastRecorded;
    }

    private void produceBurst() {
        int first = completionIds.size();
        List<ProducerRecord<String, String>> records = new ArrayList<>(BURST);
        List<String> ids = new ArrayList<>(BURST);
        for (int i = first; i < first + BURST; i++) {
            String member = prefix + "-" + String.format("%03d", i % MEMBERS);
            String id = prefix + "-lms-" + i;
            ids.add(id);
            records.add(new ProducerRecord<>(Topics.LMS_COURSE_COMPLETIONS, member, String.format(
                    "{\"completionId\":\"%s\",\"memberId\":\"%s\",\"courseId\":\"CO-%d\",\"courseTitle\":\"Course %d\","
                            + "\"cecs\":%d.5,\"completedAt\":\"2025-%02d-%02d\"}",
                    id, member, i % 500, i, 1 + i % 5, 1 + i % 12, 1 + i % 28)));
        }
        sut.kafka().produceAll(records);
        completionIds.addAll(ids);
    }

    /** Stops producing; what was produced stays produced. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }

    /** Completions the broker acknowledged. */
    Set<String> completionIds() {
        return Set.copyOf(completionIds);
    }

    long produced() {
        return completionIds.size();
    }

    long recordedByLedger() {
        return db.count(ReliabilityDatabases.LEDGER, "select count(*) from credit where certificant_id like ?", like());
    }

    long projectedByRenewal() {
        return db.count(ReliabilityDatabases.RENEWAL, "select count(*) from ledger_credit where certificant_id like ? and earned", like());
    }

    /** True for records keyed by one of these members (completions, the ledger's events, their dead letters). */
    boolean owns(ConsumerRecord<String, String> record) {
        return record.key() != null && record.key().startsWith(prefix + "-");
    }

    String prefix() {
        return prefix;
    }

    private String like() {
        return prefix + "-%";
    }
}
