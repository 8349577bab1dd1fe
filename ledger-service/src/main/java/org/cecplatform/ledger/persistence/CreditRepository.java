package org.cecplatform.ledger.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.ledger.domain.Category;
import org.cecplatform.ledger.domain.CecTotals;
import org.cecplatform.ledger.domain.Credit;

/** The queries of the credit read model: one credit, and a person's history, paged and filtered, with its totals. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CreditRepository implements PanacheRepositoryBase<CreditEntity, UUID> {

    /** Newest completion first, then newest recorded; the id makes the order total, so pages never overlap. */
    private static final Sort HISTORY_ORDER = Sort.descending("completedOn", "recordedAt").and("creditId");

    /** A page of a person's history and the size of the whole filtered range. */
    public record HistoryPage(List<Credit> credits, long totalItems) {
    }

    /** The credit of that id if it is in this person's ledger. */
    public Optional<Credit> findInLedger(String certificantId, UUID creditId) {
        return find("creditId = ?1 and certificantId = ?2", creditId, certificantId)
                .<CreditEntity>firstResultOptional()
                .map(CreditEntity::toCredit);
    }

    /**
     * One page of a person's credits with {@code from}/{@code to} (inclusive, either may be null) on the completion
     * date, in {@link #HISTORY_ORDER}, and how many credits the range holds.
     */
    public HistoryPage history(String certificantId, LocalDate from, LocalDate to, int page, int size) {
        Range range = new Range(certificantId, from, to);
        PanacheQuery<CreditEntity> query = find(range.where(), HISTORY_ORDER, range.parameters());
        long totalItems = query.count();
        // Hibernate takes the offset as an int: a page beyond it is past every person's last credit.
        List<Credit> credits = (long) page * size > Integer.MAX_VALUE
                ? List.of()
                : query.page(page, size).<CreditEntity>list().stream().map(CreditEntity::toCredit).toList();
        return new HistoryPage(credits, totalItems);
    }

    /** The CECs of the same range per category, voided credits left out. */
    public CecTotals totals(String certificantId, LocalDate from, LocalDate to) {
        Range range = new Range(certificantId, from, to);
        TypedQuery<Tuple> query = getEntityManager().createQuery("select category, sum(cecs) from CreditEntity"
                + " where " + range.where() + " and voided = false group by category", Tuple.class);
        range.parameters().map().forEach(query::setParameter);
        Map<Category, BigDecimal> sums = new EnumMap<>(Category.class);
        for (Tuple row : query.getResultList()) {
            sums.put(row.get(0, Category.class), row.get(1, BigDecimal.class));
        }
        return CecTotals.of(sums);
    }

    /** A person's credits completed from/to (inclusive; either may be open), as a query condition. */
    private record Range(String certificantId, LocalDate from, LocalDate to) {

        String where() {
            return "certificantId = :person"
                    + (from == null ? "" : " and completedOn >= :from")
                    + (to == null ? "" : " and completedOn <= :to");
        }

        Parameters parameters() {
            Parameters parameters = Parameters.with("person", certificantId);
            if (from != null) {
                parameters.and("from", from);
            }
            if (to != null) {
                parameters.and("to", to);
            }
            return parameters;
        }
    }
}
