package org.cecplatform.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Remembers which credit answered an {@code Idempotency-Key} of a person, and for which request. */
@ApplicationScoped
public class IdempotencyKeys {

    /** The first request made with a key: its hash, and the credit it recorded. */
    public record FirstRequest(String requestHash, UUID creditId) {
    }

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FirstRequest> find(String certificantId, String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select request_hash, credit_id from idempotency_key"
                     + " where certificant_id = ? and idempotency_key = ?")) {
            s.setString(1, certificantId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FirstRequest(rs.getString(1), rs.getObject(2, UUID.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read idempotency keys", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String certificantId, String key, String requestHash, UUID creditId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into idempotency_key (certificant_id, idempotency_key,"
                     + " request_hash, credit_id, created_at) values (?, ?, ?, ?, ?)")) {
            s.setString(1, certificantId);
            s.setString(2, key);
            s.setString(3, requestHash);
            s.setObject(4, creditId);
            s.setTimestamp(5, Timestamp.from(at));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new CreditStoreException("could not remember idempotency key", e);
        }
    }
}
