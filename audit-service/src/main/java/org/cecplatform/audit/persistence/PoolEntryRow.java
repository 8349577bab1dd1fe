package org.cecplatform.audit.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.sampling.Draw;
import org.cecplatform.audit.domain.sampling.PoolEntry;
import org.cecplatform.platform.persistence.StoredJson;
import org.hibernate.annotations.Immutable;

/** A row of {@code pool_entry}: a renewal in its level-year pool, with its draw. Read only ({@link SamplingTables}). */
@Entity
@Immutable
@Table(name = "pool_entry")
public class PoolEntryRow {

    @Id
    @Column(name = "renewal_id")
    UUID renewalId;
    @Column(name = "certificant_id")
    String certificantId;
    String level;
    int year;
    @Column(name = "renewed_on")
    LocalDate renewedOn;
    @Column(name = "auditable_until")
    LocalDate auditableUntil;
    /** The renewal under audit as JSON text (a {@code jsonb} column, read as text). */
    String renewal;
    long ordinal;
    long block;
    int position;
    @Column(name = "block_size")
    int blockSize;
    @Column(name = "per_block")
    int perBlock;
    int draw;
    boolean selected;
    @Column(name = "entered_at")
    Instant enteredAt;

    protected PoolEntryRow() {
    }

    PoolEntry toEntry(StoredJson json) {
        return new PoolEntry(json.read(renewal, RenewalUnderAudit.class), auditableUntil,
                new Draw(level, year, ordinal, block, position, blockSize, perBlock, draw, selected), enteredAt);
    }
}
