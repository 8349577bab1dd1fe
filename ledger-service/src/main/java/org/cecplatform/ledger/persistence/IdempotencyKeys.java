package org.cecplatform.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.platform.persistence.DataAccessException;
import org.cecplatform.platform.persistence.Jdbc;

/** Remembers which credit answered an {@code Idempotency-Key} of a person, and for which request. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IdempotencyKeys {

    /** The first request made with a key: its hash, and the credit it recorded. */
    public record FirstRequest(String requestHash, UUID creditId) {
    }

    private final Jdbc jdbc;

    public IdempotencyKeys(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FirstRequest> find(String certificantId, String key) {
        return jdbc.one("select request_hash, credit_id from idempotency_key where certificant_id = ?"
                        + " and idempotency_key = ?",
                row -> new FirstRequest(row.getString("request_hash"), Jdbc.uuid(row, "credit_id")),
                certificantId, key);
    }

    /**
     * Records the first request made with a key. A concurrent request that recorded the same key first fails this
     * with a {@link DataAccessException} that {@link DataAccessException#isUniqueViolation() is a unique violation}.
     */
    public void remember(String certificantId, String key, String requestHash, UUID creditId, Instant at) {
        jdbc.update("insert into idempotency_key (certificant_id, idempotency_key, request_hash, credit_id,"
                + " created_at) values (?, ?, ?, ?, ?)", certificantId, key, requestHash, creditId, at);
    }
}
