package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.Credit;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.CycleOrigin;

/**
 * The person's lock row, and the reads of a person's certifications with their cycles (projection
 * {@code certifications}) for queries: the aggregate itself is folded from the person's stream
 * ({@code CertificantStream}). Plain JDBC: the progress read ({@link #loadWithCredits}) is the hottest of the
 * platform, one round trip and no transaction.
 */
@ApplicationScoped
public class CertificantRepository {

    private final Jdbc jdbc;

    public CertificantRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the person's row lock for the rest of the transaction: every command about one person runs one at a
     * time, so decisions are made on the latest state (the event log's sequence check stays as a safety net).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String certificantId) {
        jdbc.update("insert into certificant (certificant_id) values (?) on conflict do nothing", certificantId);
        jdbc.list("select certificant_id from certificant where certificant_id = ? for update", rs -> 1,
                certificantId);
    }

    /** Every certification of a person with its cycles, oldest grant first. */
    public List<Certification> load(String certificantId) {
        Map<UUID, List<Cycle>> cycles = new LinkedHashMap<>();
        jdbc.list(CYCLES_OF, rs -> collectCycle(rs, cycles), certificantId);
        return jdbc.list(CERTIFICATIONS_OF, rs -> certification(rs, cycles), certificantId);
    }

    /** What a progress read needs: a person's certifications with their cycles, and their ledger credits. */
    public record WithCredits(List<Certification> certifications, List<Credit> credits) {
    }

    /**
     * {@link #load} and {@link CreditRepository#creditsOf} in one round trip, outside any transaction: for reads,
     * which lock nothing and write nothing.
     */
    public WithCredits loadWithCredits(String certificantId) {
        Map<UUID, List<Cycle>> cycles = new LinkedHashMap<>();
        List<List<?>> results = jdbc.lists(CYCLES_OF + "; " + CERTIFICATIONS_OF + "; " + CreditRepository.CREDITS_OF,
                List.of(rs -> collectCycle(rs, cycles), rs -> certification(rs, cycles), CreditRepository::credit),
                certificantId, certificantId, certificantId);
        @SuppressWarnings("unchecked")
        List<Certification> certifications = (List<Certification>) results.get(1);
        @SuppressWarnings("unchecked")
        List<Credit> credits = (List<Credit>) results.get(2);
        return new WithCredits(certifications, credits);
    }

    private static final String CYCLES_OF = "select y.* from certification_cycle y join certification c"
            + " using (certification_id) where c.certificant_id = ? order by y.certification_id, y.number";
    private static final String CERTIFICATIONS_OF = "select * from certification where certificant_id = ?"
            + " order by granted_at, certification_id";

    private static Object collectCycle(ResultSet rs, Map<UUID, List<Cycle>> cycles) throws SQLException {
        cycles.computeIfAbsent(Jdbc.uuid(rs, "certification_id"), id -> new ArrayList<>()).add(cycle(rs));
        return null;
    }

    /** A certification row, with its cycles (read before it). */
    private static Certification certification(ResultSet rs, Map<UUID, List<Cycle>> cycles) throws SQLException {
        return Certification.restore(Jdbc.uuid(rs, "certification_id"), rs.getString("certificant_id"),
                rs.getString("credential"), Jdbc.date(rs, "certified_on"), rs.getString("granted_by"),
                Jdbc.instant(rs, "granted_at"), cycles.getOrDefault(Jdbc.uuid(rs, "certification_id"), List.of()),
                CertificationStatus.valueOf(rs.getString("status")), Jdbc.date(rs, "status_since"),
                Jdbc.uuid(rs, "inactive_audit_id"));
    }

    private static Cycle cycle(ResultSet rs) throws SQLException {
        return new Cycle(rs.getInt("number"), Jdbc.date(rs, "cycle_start"), Jdbc.date(rs, "cycle_end"),
                Jdbc.date(rs, "counting_from"), CycleOrigin.valueOf(rs.getString("origin")),
                Jdbc.uuid(rs, "renewal_id"), Jdbc.date(rs, "gap_from"), Jdbc.date(rs, "gap_to"));
    }

    /** People with a certification whose recorded status the calendar has moved by {@code today}. */
    public List<String> certificantsWithStatusChangeDue(LocalDate today, int limit) {
        return jdbc.list("select distinct certificant_id from certification where next_status_change_on <= ?"
                + " order by certificant_id limit ?", rs -> rs.getString(1), today, limit);
    }
}
