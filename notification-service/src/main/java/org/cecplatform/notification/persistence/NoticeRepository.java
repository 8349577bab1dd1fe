package org.cecplatform.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.notification.domain.Notice;
import org.cecplatform.notification.domain.NoticeKind;
import org.cecplatform.notification.domain.NoticeStatus;
import org.cecplatform.platform.persistence.Jdbc;

/** The notices: the record a person and staff read, and the outbox the sender sends from. */
@ApplicationScoped
public class NoticeRepository {

    private static final String COLUMNS = "notice_id, certificant_id, kind, subject, body_text, answers_event_id,"
            + " reminder_key, status, attempts, created_at, sent_at, failure";

    private final Jdbc jdbc;

    public NoticeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A new notice with a rendered content; false (and nothing changed) when its dedup key was recorded before. */
    public boolean insert(UUID noticeId, String dedupKey, String certificantId, NoticeKind kind, String subject,
                          String bodyText, String answersEventId, String reminderKey, NoticeStatus status,
                          Instant at) {
        return jdbc.update("insert into notice (notice_id, dedup_key, certificant_id, kind, subject, body_text,"
                        + " answers_event_id, reminder_key, status, next_attempt_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing",
                noticeId, dedupKey, certificantId, kind, subject, bodyText, answersEventId, reminderKey, status,
                status == NoticeStatus.PENDING ? at : null, at) == 1;
    }

    public boolean exists(String dedupKey) {
        return jdbc.one("select 1 from notice where dedup_key = ?", row -> true, dedupKey).isPresent();
    }

    /** The pending notices due by {@code now}, oldest first: the sender's work list. */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.list("select notice_id from notice where status = 'PENDING' and next_attempt_at <= ?"
                + " order by next_attempt_at, notice_id limit ?", row -> Jdbc.uuid(row, "notice_id"), now, limit);
    }

    /**
     * The notice if it is still pending, locked until the transaction ends: another sender skips it instead of
     * sending it a second time.
     */
    public Optional<Notice> lockPending(UUID noticeId) {
        return jdbc.one("select " + COLUMNS + " from notice where notice_id = ? and status = 'PENDING'"
                + " for update skip locked", NoticeRepository::notice, noticeId);
    }

    public void markSent(UUID noticeId, int attempts, Instant at) {
        jdbc.update("update notice set status = 'SENT', attempts = ?, sent_at = ?, next_attempt_at = null,"
                + " failure = null where notice_id = ?", attempts, at, noticeId);
    }

    public void markFinal(UUID noticeId, NoticeStatus status, int attempts, String failure) {
        jdbc.update("update notice set status = ?, attempts = ?, next_attempt_at = null, failure = ?"
                + " where notice_id = ?", status, attempts, failure, noticeId);
    }

    /** The person's pending notices become due at {@code now} (their address has just been set). */
    public void makePendingDue(String certificantId, Instant now) {
        jdbc.update("update notice set next_attempt_at = ? where certificant_id = ? and status = 'PENDING'"
                + " and next_attempt_at > ?", now, certificantId, now);
    }

    public void retryAt(UUID noticeId, int attempts, Instant next, String failure) {
        jdbc.update("update notice set attempts = ?, next_attempt_at = ?, failure = ? where notice_id = ?",
                attempts, next, failure, noticeId);
    }

    /** A person's notices, newest first. */
    public List<Notice> ofPerson(String certificantId, int limit, int offset) {
        return jdbc.list("select " + COLUMNS + " from notice where certificant_id = ?"
                + " order by created_at desc, notice_id limit ? offset ?", NoticeRepository::notice,
                certificantId, limit, offset);
    }

    public long countOfPerson(String certificantId) {
        return jdbc.one("select count(*) from notice where certificant_id = ?", row -> row.getLong(1), certificantId)
                .orElse(0L);
    }

    private static Notice notice(ResultSet row) throws SQLException {
        return new Notice(Jdbc.uuid(row, "notice_id"), row.getString("certificant_id"),
                NoticeKind.valueOf(row.getString("kind")), row.getString("subject"), row.getString("body_text"),
                row.getString("answers_event_id"), row.getString("reminder_key"),
                NoticeStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "sent_at"), row.getString("failure"));
    }
}
