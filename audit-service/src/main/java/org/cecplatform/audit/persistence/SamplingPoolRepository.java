package org.cecplatform.audit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.cecplatform.audit.domain.sampling.PoolSummary;

/**
 * Reads the level-year pools ({@code sampling_pool}: seed, rate and counts; the {@code sampling} projection's table,
 * which only {@link SamplingTables} writes) for the sampling report and the draw checks.
 */
@ApplicationScoped
public class SamplingPoolRepository implements PanacheRepositoryBase<SamplingPoolRow, SamplingPoolRow.Key> {

    /** The pools of a year, for the sampling report (and the seed, which only staff may see). */
    public List<PoolSummary> poolsOf(int year) {
        return find("from SamplingPoolRow p where p.year = ?1", year).list().stream()
                .map(SamplingPoolRow::toSummary).toList();
    }

    public Optional<PoolSummary> pool(String level, int year) {
        return findByIdOptional(new SamplingPoolRow.Key(level, year)).map(SamplingPoolRow::toSummary);
    }
}
