package org.cecplatform.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * Serialises the writers of a person's ledger with transaction-scoped advisory locks, so that concurrent writers
 * queue instead of colliding on the person's event sequence. The locks are held until the transaction ends.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerLocks {

    private final Jdbc jdbc;

    public LedgerLocks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void lockLedgerOf(String certificantId) {
        lockLedgersOf(List.of(certificantId));
    }

    /** The locks are taken in the order of their keys, so two batches never wait on each other in a circle. */
    public void lockLedgersOf(Collection<String> certificantIds) {
        jdbc.list("select pg_advisory_xact_lock(k) from (select distinct hashtextextended('ledger:' || id, 0) as k"
                + " from unnest(?::text[]) id order by k) keys", row -> true,
                (Object) certificantIds.toArray(String[]::new));
    }
}
