package org.cecplatform.audit.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.cecplatform.audit.domain.audit.AuditOutcomes;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.platform.persistence.Jdbc;

/**
 * The outcomes report's one query, over the audit queue ({@code audit}, the {@code audits} projection): a year's audits
 * counted per level and selection method into the end states of {@link AuditOutcomes}. A pass is "remediated" when
 * one of the audit's decisions (kept in its state's JSON) was a remediation.
 */
@ApplicationScoped
public class AuditOutcomesRepository {

    /** The audits of one level of the year that one selection method opened, and where they ended. */
    public record Counted(String level, Selection.Method method, AuditOutcomes outcomes) {
    }

    private static final String BY_LEVEL_AND_METHOD = "select credential, selection_method, count(*) as opened,"
            + " count(*) filter (where status = 'PASSED' and not remediated) as passed,"
            + " count(*) filter (where status = 'PASSED' and remediated) as remediated,"
            + " count(*) filter (where status = 'FAILED') as failed,"
            + " count(*) filter (where status = 'OVERDUE') as overdue,"
            + " count(*) filter (where status in ('OPEN', 'SUBMITTED', 'REMEDIATION')) as in_progress"
            + " from (select credential, selection_method, status,"
            + "   coalesce(state -> 'decisions' @> '[{\"outcome\": \"REMEDIATION\"}]'::jsonb, false) as remediated"
            + "   from audit where year = ?) audits"
            + " group by credential, selection_method";

    private final Jdbc jdbc;

    public AuditOutcomesRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's audits (by the pool year, the renewal's), one row per level and method that has any. */
    public List<Counted> ofYear(int year) {
        return jdbc.list(BY_LEVEL_AND_METHOD, AuditOutcomesRepository::counted, year);
    }

    private static Counted counted(ResultSet rs) throws SQLException {
        return new Counted(rs.getString("credential"), Selection.Method.valueOf(rs.getString("selection_method")),
                new AuditOutcomes(rs.getLong("opened"), rs.getLong("passed"), rs.getLong("remediated"),
                        rs.getLong("failed"), rs.getLong("overdue"), rs.getLong("in_progress")));
    }
}
