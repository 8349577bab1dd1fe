package org.cecplatform.renewal.persistence;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.platform.persistence.StoredJson;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Fee;
import org.cecplatform.renewal.domain.FeeItem;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * Reads of the renewals recorded (tables {@code renewal} and {@code renewal_certification} of the
 * {@code certifications} projection), as the domain's {@link Renewal}s: a page of renewals and the certifications
 * they covered take two queries, however many renewals the page holds.
 */
@ApplicationScoped
public class RenewalRepository {

    private final StoredJson json;

    public RenewalRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<Renewal> renewal(UUID renewalId) {
        return RenewalEntity.<RenewalEntity>findByIdOptional(renewalId).map(r -> withCertifications(List.of(r)).get(0));
    }

    /** A person's renewals, newest first. */
    public List<Renewal> renewalsOf(String certificantId, int page, int size) {
        List<RenewalEntity> found = RenewalEntity.<RenewalEntity>find("certificantId",
                        Sort.descending("renewedAt").and("renewalId"), certificantId)
                .page(Page.of(page, size)).list();
        return withCertifications(found);
    }

    public long countRenewalsOf(String certificantId) {
        return RenewalEntity.count("certificantId", certificantId);
    }

    /** The renewals with the certifications each covered, in the order of the renewal's credentials. */
    private List<Renewal> withCertifications(List<RenewalEntity> renewals) {
        if (renewals.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RenewedCertificationEntity>> covered = RenewedCertificationEntity
                .<RenewedCertificationEntity>list("renewalId in ?1",
                        renewals.stream().map(r -> r.renewalId).toList())
                .stream().collect(Collectors.groupingBy(c -> c.renewalId));
        return renewals.stream().map(r -> renewal(r, covered.getOrDefault(r.renewalId, List.of()))).toList();
    }

    private Renewal renewal(RenewalEntity r, List<RenewedCertificationEntity> covered) {
        List<String> credentials = List.of(r.credentials.split(","));
        List<RenewedCertification> certifications = covered.stream()
                .map(c -> renewedCertification(c, r))
                .sorted(Comparator.comparingInt(c -> credentials.indexOf(c.credential())))
                .toList();
        return new Renewal(r.renewalId, r.certificantId, r.kind, credentials, r.level, r.renewedOn, r.renewedAt,
                r.cycleStart, r.cycleEnd, certifications, r.cecsRequired,
                json.read(r.attestedSubmitted, AttestedCecs.class), json.read(r.attestedCounted, AttestedCecs.class),
                r.cecsAttested, r.cecsTracked,
                new Fee(Arrays.asList(json.read(r.feeItems, FeeItem[].class)), r.feeTotal, r.currency),
                new Payment(r.paymentAmount, r.paymentCurrency, r.paymentReference),
                new CprCard(r.cprProvider, r.cprIssuedOn, r.cprExpiresOn, r.cprHandsOn), r.submittedBy);
    }

    /**
     * Renewals recorded before the counting window was stored: the window as the renewal counted it then, from the
     * previous cycle's start to the renewal date (for a reinstatement, to the lapsed cycle's end).
     */
    private static RenewedCertification renewedCertification(RenewedCertificationEntity c, RenewalEntity r) {
        LocalDate countedFrom = c.countedFrom != null ? c.countedFrom : c.previousCycleStart;
        LocalDate countedTo = c.countedTo != null ? c.countedTo
                : r.kind == RenewalKind.REINSTATEMENT ? c.previousCycleEnd : r.renewedOn;
        return new RenewedCertification(c.certificationId, c.credential, c.previousCycleStart, c.previousCycleEnd,
                c.cecsTracked, c.gapFrom, c.gapTo, countedFrom, countedTo);
    }
}
