package org.cecplatform.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.ledger.domain.Credit;
import org.cecplatform.ledger.domain.CreditDetails;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * Writes the credit read model (table {@code credit}) in the transaction that appends the credit's events. Plain
 * JDBC through {@link Jdbc}: the intake inserts a consumer batch of credits in one JDBC batch (sent as multi-row
 * inserts), which an entity manager would not do as cheaply.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CreditWriter {

    private static final String INSERT = "insert into credit (credit_id, certificant_id, source, verified, category,"
            + " title, provider, provider_kind, completed_on, amount, unit, cecs, grade, external_ref, content_hash,"
            + " recorded_at, recorded_by, event_sequence) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A credit to insert, with the sequence of its CECEarned and the content hash of an integration credit. */
    public record NewCredit(Credit credit, long eventSequence, String contentHash) {
    }

    private record ContentHash(UUID creditId, String contentHash) {
    }

    private final Jdbc jdbc;

    public CreditWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewCredit credit) {
        jdbc.update(INSERT, parameters(credit));
    }

    /** {@link #insert} of many credits in one JDBC batch. */
    public void insertAll(List<NewCredit> credits) {
        jdbc.batch(INSERT, credits, CreditWriter::parameters);
    }

    /** Marks a credit voided; it must be there and not voided yet (the caller holds the person's ledger lock). */
    public void markVoided(Credit voided) {
        Credit.Voiding v = voided.voiding();
        int rows = jdbc.update("update credit set voided = true, void_reason = ?, voided_by = ?, voided_at = ?"
                + " where credit_id = ? and not voided", v.reason(), v.voidedBy(), v.voidedAt(), voided.creditId());
        if (rows != 1) {
            throw new IllegalStateException("credit " + voided.creditId() + " was not there to void");
        }
    }

    /**
     * The content hash of each of these credits that exists (credit id → hash; the value is null for a credit that
     * has none, i.e. one not posted by an integration): how the intake tells a redelivery from a conflicting record,
     * for a whole batch in one query.
     */
    public Map<UUID, String> contentHashes(Collection<UUID> creditIds) {
        Map<UUID, String> found = new HashMap<>();
        for (ContentHash row : jdbc.list("select credit_id, content_hash from credit where credit_id = any(?)",
                row -> new ContentHash(Jdbc.uuid(row, "credit_id"), row.getString("content_hash")),
                (Object) creditIds.toArray(UUID[]::new))) {
            found.put(row.creditId(), row.contentHash());
        }
        return found;
    }

    private static Object[] parameters(NewCredit row) {
        Credit credit = row.credit();
        CreditDetails d = credit.details();
        return new Object[] {credit.creditId(), credit.certificantId(), credit.source(), credit.verified(),
                d.category(), d.title(), d.provider(), d.providerKind(), d.completedOn(), d.amount(), d.unit(),
                d.cecs(), d.grade(), credit.externalRef(), row.contentHash(), credit.recordedAt(), credit.recordedBy(),
                row.eventSequence()};
    }
}
