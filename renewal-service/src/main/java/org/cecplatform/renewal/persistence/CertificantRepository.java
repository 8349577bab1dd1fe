package org.cecplatform.renewal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CertificationStatus;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Credit;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.CycleOrigin;
import org.cecplatform.renewal.domain.Fee;
import org.cecplatform.renewal.domain.FeeItem;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * The person's lock row, and the reads of the {@code certifications} projection (certifications, their cycles and
 * renewals) for queries: the aggregate itself is folded from the person's stream ({@code CertificantStream}).
 */
@ApplicationScoped
public class CertificantRepository {


    private final Sql sql;
    private final ObjectMapper json;

    public CertificantRepository(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /**
     * Takes the person's row lock for the rest of the transaction: every command about one person runs one at a
     * time, so decisions are made on the latest state (the event log's sequence check stays as a safety net).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String certificantId) {
        sql.update("insert into certificant (certificant_id) values (?) on conflict do nothing", certificantId);
        sql.list("select certificant_id from certificant where certificant_id = ? for update", rs -> 1,
                certificantId);
    }

    /** Every certification of a person with its cycles, oldest grant first. */
    public List<Certification> load(String certificantId) {
        Map<UUID, List<Cycle>> cycles = new LinkedHashMap<>();
        sql.list(CYCLES_OF, rs -> collectCycle(rs, cycles), certificantId);
        return sql.list(CERTIFICATIONS_OF, rs -> certification(rs, cycles), certificantId);
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
        List<List<?>> results = sql.lists(CYCLES_OF + "; " + CERTIFICATIONS_OF + "; " + CreditRepository.CREDITS_OF,
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
        cycles.computeIfAbsent(Sql.uuid(rs, "certification_id"), id -> new ArrayList<>()).add(cycle(rs));
        return null;
    }

    /** A certification row, with its cycles (read before it). */
    private static Certification certification(ResultSet rs, Map<UUID, List<Cycle>> cycles) throws SQLException {
        return Certification.restore(Sql.uuid(rs, "certification_id"), rs.getString("certificant_id"),
                rs.getString("credential"), Sql.date(rs, "certified_on"), rs.getString("granted_by"),
                Sql.instant(rs, "granted_at"), cycles.getOrDefault(Sql.uuid(rs, "certification_id"), List.of()),
                CertificationStatus.valueOf(rs.getString("status")), Sql.date(rs, "status_since"),
                Sql.uuid(rs, "inactive_audit_id"));
    }

    private static Cycle cycle(ResultSet rs) throws SQLException {
        return new Cycle(rs.getInt("number"), Sql.date(rs, "cycle_start"), Sql.date(rs, "cycle_end"),
                Sql.date(rs, "counting_from"), CycleOrigin.valueOf(rs.getString("origin")), Sql.uuid(rs, "renewal_id"),
                Sql.date(rs, "gap_from"), Sql.date(rs, "gap_to"));
    }

    public Optional<Renewal> renewal(UUID renewalId) {
        List<Renewal> found = renewals("select * from renewal where renewal_id = ?", renewalId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A person's renewals, newest first. */
    public List<Renewal> renewalsOf(String certificantId, int page, int size) {
        return renewals("select * from renewal where certificant_id = ? order by renewed_at desc, renewal_id"
                + " limit ? offset ?", certificantId, size, (long) page * size);
    }

    public long countRenewalsOf(String certificantId) {
        return sql.one("select count(*) from renewal where certificant_id = ?", rs -> rs.getLong(1), certificantId)
                .orElse(0L);
    }

    /** People with a certification whose recorded status the calendar has moved by {@code today}. */
    public List<String> certificantsWithStatusChangeDue(LocalDate today, int limit) {
        return sql.list("select distinct certificant_id from certification where next_status_change_on <= ?"
                + " order by certificant_id limit ?", rs -> rs.getString(1), today, limit);
    }

    private List<Renewal> renewals(String query, Object... params) {
        List<Renewal> renewals = sql.list(query, this::renewal, params);
        List<Renewal> complete = new ArrayList<>();
        for (Renewal r : renewals) {
            List<RenewedCertification> certifications = sql.list(
                    "select * from renewal_certification where renewal_id = ?",
                    rs -> renewedCertification(rs, r), r.renewalId());
            List<String> order = r.credentials();
            certifications = certifications.stream()
                    .sorted((a, b) -> Integer.compare(order.indexOf(a.credential()), order.indexOf(b.credential())))
                    .toList();
            complete.add(new Renewal(r.renewalId(), r.certificantId(), r.kind(), r.credentials(), r.level(),
                    r.renewedOn(), r.renewedAt(), r.cycleStart(), r.cycleEnd(), certifications, r.cecsRequired(),
                    r.attestedAsSubmitted(), r.attestedAsCounted(), r.cecsAttested(), r.cecsTracked(), r.fee(),
                    r.payment(), r.cpr(), r.submittedBy()));
        }
        return complete;
    }

    /**
     * Renewals recorded before the counting window was stored: the window as the renewal counted it then, from the
     * previous cycle's start to the renewal date (for a reinstatement, to the lapsed cycle's end).
     */
    private static RenewedCertification renewedCertification(ResultSet rs, Renewal r) throws SQLException {
        LocalDate previousStart = Sql.date(rs, "previous_cycle_start");
        LocalDate previousEnd = Sql.date(rs, "previous_cycle_end");
        LocalDate countedFrom = Sql.date(rs, "counted_from");
        LocalDate countedTo = Sql.date(rs, "counted_to");
        return new RenewedCertification(Sql.uuid(rs, "certification_id"), rs.getString("credential"), previousStart,
                previousEnd, rs.getBigDecimal("cecs_tracked"), Sql.date(rs, "gap_from"), Sql.date(rs, "gap_to"),
                countedFrom != null ? countedFrom : previousStart,
                countedTo != null ? countedTo : r.kind() == RenewalKind.REINSTATEMENT ? previousEnd : r.renewedOn());
    }

    private Renewal renewal(ResultSet rs) throws SQLException {
        Fee fee = new Fee(Arrays.asList(fromJson(rs.getString("fee_items"), FeeItem[].class)),
                rs.getBigDecimal("fee_total"), rs.getString("currency"));
        return new Renewal(Sql.uuid(rs, "renewal_id"), rs.getString("certificant_id"),
                RenewalKind.valueOf(rs.getString("kind")), List.of(rs.getString("credentials").split(",")),
                rs.getString("level"), Sql.date(rs, "renewed_on"), Sql.instant(rs, "renewed_at"),
                Sql.date(rs, "cycle_start"), Sql.date(rs, "cycle_end"), List.of(), rs.getBigDecimal("cecs_required"),
                fromJson(rs.getString("attested_submitted"), AttestedCecs.class),
                fromJson(rs.getString("attested_counted"), AttestedCecs.class), rs.getBigDecimal("cecs_attested"),
                rs.getBigDecimal("cecs_tracked"), fee,
                new Payment(rs.getBigDecimal("payment_amount"), rs.getString("payment_currency"),
                        rs.getString("payment_reference")),
                new CprCard(rs.getString("cpr_provider"), Sql.date(rs, "cpr_issued_on"),
                        Sql.date(rs, "cpr_expires_on"), rs.getBoolean("cpr_hands_on")),
                rs.getString("submitted_by"));
    }

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable as " + type.getSimpleName(), e);
        }
    }
}
