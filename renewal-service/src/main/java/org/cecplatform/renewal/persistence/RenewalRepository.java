package org.cecplatform.renewal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.platform.persistence.Jdbc;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Fee;
import org.cecplatform.renewal.domain.FeeItem;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * Reads of the renewals recorded (tables {@code renewal} and {@code renewal_certification} of the
 * {@code certifications} projection), as the domain's {@link Renewal}s: a page of renewals and the certifications
 * they covered take two queries, however many renewals the page holds.
 */
@ApplicationScoped
public class RenewalRepository {

    private final Jdbc jdbc;
    private final StoredJson json;

    public RenewalRepository(Jdbc jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Renewal> renewal(UUID renewalId) {
        return withCertifications(jdbc.list("select * from renewal where renewal_id = ?", RenewalRow::of, renewalId))
                .stream().findFirst();
    }

    /** A person's renewals, newest first. */
    public List<Renewal> renewalsOf(String certificantId, int page, int size) {
        return withCertifications(jdbc.list("select * from renewal where certificant_id = ?"
                + " order by renewed_at desc, renewal_id limit ? offset ?", RenewalRow::of, certificantId, size,
                (long) page * size));
    }

    public long countRenewalsOf(String certificantId) {
        return jdbc.one("select count(*) from renewal where certificant_id = ?", rs -> rs.getLong(1), certificantId)
                .orElse(0L);
    }

    /** The renewals with the certifications each covered, in the order of the renewal's credentials. */
    private List<Renewal> withCertifications(List<RenewalRow> renewals) {
        if (renewals.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CoveredRow>> covered = jdbc.list("select * from renewal_certification"
                        + " where renewal_id = any(?)", CoveredRow::of,
                        (Object) renewals.stream().map(RenewalRow::renewalId).toArray(UUID[]::new))
                .stream().collect(Collectors.groupingBy(CoveredRow::renewalId));
        return renewals.stream().map(r -> renewal(r, covered.getOrDefault(r.renewalId(), List.of()))).toList();
    }

    private Renewal renewal(RenewalRow r, List<CoveredRow> covered) {
        List<String> credentials = List.of(r.credentials().split(","));
        List<RenewedCertification> certifications = covered.stream()
                .map(c -> c.certification(r.kind(), r.renewedOn()))
                .sorted(Comparator.comparingInt(c -> credentials.indexOf(c.credential())))
                .toList();
        return new Renewal(r.renewalId(), r.certificantId(), r.kind(), credentials, r.level(), r.renewedOn(),
                r.renewedAt(), r.cycleStart(), r.cycleEnd(), certifications, r.cecsRequired(),
                json.read(r.attestedSubmitted(), AttestedCecs.class), json.read(r.attestedCounted(), AttestedCecs.class),
                r.cecsAttested(), r.cecsTracked(),
                new Fee(Arrays.asList(json.read(r.feeItems(), FeeItem[].class)), r.feeTotal(), r.currency()),
                new Payment(r.paymentAmount(), r.paymentCurrency(), r.paymentReference()),
                new CprCard(r.cprProvider(), r.cprIssuedOn(), r.cprExpiresOn(), r.cprHandsOn()), r.submittedBy());
    }
}
