package org.cecplatform.platform.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;

/** The service's own memory of its dead letters and their requeues (table {@code dead_letter}, V0_5). */
@ApplicationScoped
public class DeadLetterStore {

    private static final String ENTRY_COLUMNS = "id, consumer, topic, kafka_partition, kafka_offset, record_key,"
            + " record_value, reason, cause, dead_lettered_at";

    private final Jdbc jdbc;
    private final StoredJson json;

    public DeadLetterStore(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Remembers a record that was just parked on its dead-letter topic; nothing when this consumer's record at that
     * position is remembered already (a batch delivered again after a crash).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remember(String consumer, ConsumerRecord<String, byte[]> record, String reason, String cause,
                         Instant at) {
        List<StoredDeadLetter.StoredHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new StoredDeadLetter.StoredHeader(header.key(), header.value()));
        }
        jdbc.update("insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, record_key, record_value,"
                        + " headers, reason, cause, dead_lettered_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                        + " on conflict (topic, kafka_partition, kafka_offset, consumer) do nothing",
                consumer, record.topic(), record.partition(), record.offset(), record.key(),
                record.value() == null ? new byte[0] : record.value(), json.write(headers), reason, cause, at);
    }

    @Transactional
    public DeadLetterPage page(Paging paging) {
        long total = jdbc.one("select count(*) from dead_letter", rs -> rs.getLong(1)).orElse(0L);
        List<Row> rows = jdbc.list("select " + ENTRY_COLUMNS + " from dead_letter"
                        + " order by dead_lettered_at desc, id desc limit ? offset ?",
                DeadLetterStore::row, paging.size(), paging.offset());
        Map<Long, List<RequeueAttempt>> requeues = requeues(rows.stream().map(Row::id).toArray(Long[]::new));
        List<DeadLetterEntry> entries = rows.stream()
                .map(r -> r.entry(requeues.getOrDefault(r.id(), List.of())))
                .toList();
        return new DeadLetterPage(entries, paging.page(), paging.size(), total);
    }

    @Transactional
    public Optional<DeadLetterEntry> entry(long id) {
        return jdbc.one("select " + ENTRY_COLUMNS + " from dead_letter where id = ?", DeadLetterStore::row, id)
                .map(r -> r.entry(requeues(new Long[] {id}).getOrDefault(id, List.of())));
    }

    @Transactional
    Optional<StoredDeadLetter> stored(long id) {
        return jdbc.one("select id, consumer, topic, kafka_partition, kafka_offset, record_key, record_value,"
                + " headers::text from dead_letter where id = ?", rs -> new StoredDeadLetter(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getBytes(7),
                Arrays.asList(json.read(rs.getString(8), StoredDeadLetter.StoredHeader[].class))), id);
    }

    /**
     * Locks the dead letter for a requeue in the caller's transaction (a concurrent requeue waits for it); false when
     * a requeue settled it already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean lockUnlessSettled(long id) {
        jdbc.one("select id from dead_letter where id = ? for update", rs -> rs.getLong(1), id);
        return !settled(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recordRequeue(long id, RequeueAttempt attempt) {
        jdbc.update("insert into dead_letter_requeue (dead_letter_id, requeued_at, requeued_by, outcome, reason)"
                        + " values (?, ?, ?, ?, ?)",
                id, attempt.requeuedAt(), attempt.requeuedBy(), attempt.outcome(), attempt.reason());
    }

    private boolean settled(long id) {
        return jdbc.one("select 1 from dead_letter_requeue where dead_letter_id = ? and outcome <> ?",
                rs -> true, id, RequeueOutcome.FAILED_AGAIN).isPresent();
    }

    private Map<Long, List<RequeueAttempt>> requeues(Long[] ids) {
        Map<Long, List<RequeueAttempt>> byLetter = new LinkedHashMap<>();
        if (ids.length == 0) {
            return byLetter;
        }
        jdbc.list("select dead_letter_id, requeued_at, requeued_by, outcome, reason from dead_letter_requeue"
                        + " where dead_letter_id = any(?) order by id",
                rs -> Map.entry(rs.getLong(1), new RequeueAttempt(Jdbc.instant(rs, "requeued_at"), rs.getString(3),
                        RequeueOutcome.valueOf(rs.getString(4)), rs.getString(5))),
                (Object) ids)
                .forEach(e -> byLetter.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byLetter;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), Jdbc.instant(rs, "dead_lettered_at"), rs.getString("consumer"),
                rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                rs.getString("record_key"), rs.getString("reason"), rs.getString("cause"),
                MessageText.of(rs.getBytes("record_value")));
    }

    private record Row(long id, Instant at, String consumer, String topic, int partition, long offset, String key,
                       String reason, String cause, MessageText message) {

        DeadLetterEntry entry(List<RequeueAttempt> requeues) {
            boolean settled = requeues.stream().anyMatch(a -> a.outcome().settles());
            return new DeadLetterEntry(id, at, consumer, topic, partition, offset, key, reason, cause, message,
                    requeues, !settled);
        }
    }
}
