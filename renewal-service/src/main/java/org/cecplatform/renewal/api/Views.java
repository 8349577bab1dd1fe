package org.cecplatform.renewal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CertificationProgress;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Cycle;
import org.cecplatform.renewal.domain.Fee;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.PendingRenewal;
import org.cecplatform.renewal.domain.Policy;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalQuote;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.cecplatform.renewal.domain.RenewalStatus;
import org.cecplatform.renewal.domain.RenewedCertification;

/** The JSON answers: field names as SPEC §4 lists them (and a few more); CECs to one decimal, money to cents. */
public final class Views {

    private Views() {
    }

    public record CertificationsView(String certificantId, LocalDate asOf, List<CertificationView> certifications) {
    }

    public record CertificationView(UUID certificationId, String certificantId, String credential,
                                    String credentialName, String status, LocalDate certifiedOn, LocalDate cycleStart,
                                    LocalDate cycleEnd, BigDecimal cecsRequired, BigDecimal cecsTracked,
                                    BigDecimal cecsRemaining, long daysLeft,
                                    @Schema(nullable = true) LocalDate deadline, boolean renewable,
                                    @Schema(nullable = true) String renewalKind, List<String> reasons,
                                    Map<String, BigDecimal> cecsTrackedByCategory, List<CycleView> cycles) {
    }

    public record CycleView(int number, LocalDate cycleStart, LocalDate cycleEnd, String origin,
    @Schema(nullable = true) UUID renewalId,
                            @Schema(nullable = true) LocalDate gapFrom, @Schema(nullable = true) LocalDate gapTo) {
    }

    public record FeeItemView(String description, BigDecimal amount) {
    }

    public record FeeView(List<FeeItemView> items, BigDecimal total, String currency) {
    }

    public record QuoteView(String certificantId, List<String> credentials, String kind, String level,
                            BigDecimal cecsRequired, FeeView fee, LocalDate cycleStart, LocalDate cycleEnd) {
    }

    /** The CECs attested per category; a category the form left out is null. */
    public record AttestedView(@Schema(nullable = true) BigDecimal ceOnlineAndAcsmEvents,
                               @Schema(nullable = true) BigDecimal otherProviders,
                               @Schema(nullable = true) BigDecimal collegeCourses,
                               @Schema(nullable = true) BigDecimal committeeService,
                               @Schema(nullable = true) BigDecimal cprAedFirstAid,
                               @Schema(nullable = true) BigDecimal publicationsAndPresentations) {
    }

    public record RenewedCertificationView(UUID certificationId, String credential, LocalDate previousCycleStart,
                                           LocalDate previousCycleEnd, BigDecimal cecsTracked,
                                           @Schema(nullable = true) LocalDate gapFrom,
                                           @Schema(nullable = true) LocalDate gapTo, LocalDate countedFrom,
                                           LocalDate countedTo) {
    }

    public record PaymentView(BigDecimal amount, String currency, String reference) {
    }

    public record CprView(String provider, LocalDate issuedOn, LocalDate expiresOn,
    @Schema(nullable = true) Boolean handsOnSkills) {
    }

    /**
     * A renewal: PENDING (waiting for the provider to confirm {@code payment}, until {@code expiresAt}), COMPLETED
     * (renewed: every figure below), or EXPIRED (never paid; nothing changed). A pending or expired one has no
     * renewal date and no counted figures yet.
     */
    public record RenewalView(UUID renewalId, String status, String certificantId, String kind,
                              List<String> credentials, String level, LocalDate requestedOn,
                              @Schema(nullable = true) Instant expiresAt,
                              @Schema(nullable = true) LocalDate renewedOn, @Schema(nullable = true) Instant renewedAt,
                              LocalDate cycleStart,
                              LocalDate cycleEnd, @Schema(nullable = true) LocalDate previousCycleStart,
                              @Schema(nullable = true) LocalDate previousCycleEnd,
                              @Schema(nullable = true) LocalDate gapFrom, @Schema(nullable = true) LocalDate gapTo,
                              @Schema(nullable = true) LocalDate countedFrom,
                              @Schema(nullable = true) LocalDate countedTo,
                              BigDecimal cecsRequired, FeeView fee,
                              @Schema(nullable = true) AttestedView attestedCecs, AttestedView attestedCecsSubmitted,
                              @Schema(nullable = true) BigDecimal cecsAttested,
                              @Schema(nullable = true) BigDecimal cecsTracked,
                              List<RenewedCertificationView> certifications,
                              PaymentView payment, CprView cpr, boolean acknowledged, String submittedBy) {
    }

    /** A person's renewals, newest first, and apart from them the requests still waiting for their payment. */
    public record RenewalPage(String certificantId, int page, int size, long totalItems, List<RenewalView> renewals,
                              List<RenewalView> awaitingPayment) {
    }

    public static CertificationView of(CertificationProgress p, Policy policy) {
        Certification c = p.certification();
        Map<String, BigDecimal> byCategory = new TreeMap<>();
        p.tracked().byCategory().forEach((category, cecs) -> byCategory.put(category, cecs(cecs)));
        return new CertificationView(c.id(), c.certificantId(), c.credential(),
                policy.credential(c.credential()).map(r -> r.name()).orElse(c.credential()),
                p.eligibility().status().name(), c.certifiedOn(), c.cycle().start(), c.cycle().end(),
                cecs(p.cecsRequired()), cecs(p.tracked().total()), cecs(p.cecsRemaining()), p.daysLeft(),
                p.eligibility().deadline(), p.eligibility().renewable(),
                p.eligibility().kind() == null ? null : p.eligibility().kind().name(), p.eligibility().reasons(),
                byCategory, c.cycles().stream().map(Views::of).toList());
    }

    static CycleView of(Cycle y) {
        return new CycleView(y.number(), y.start(), y.end(), y.origin().name(), y.renewalId(), y.gapFrom(),
                y.gapTo());
    }

    public static FeeView of(Fee fee) {
        return new FeeView(fee.items().stream().map(i -> new FeeItemView(i.description(), money(i.amount()))).toList(),
                money(fee.total()), fee.currency());
    }

    public static QuoteView of(String certificantId, RenewalQuote q) {
        return new QuoteView(certificantId, q.credentials(), q.kind().name(), q.level(), cecs(q.cecsRequired()),
                of(q.fee()), q.cycleStart(), q.cycleEnd());
    }

    public static RenewalView of(Renewal r) {
        RenewedCertification level = r.levelCertification();
        CprCard cpr = r.cpr();
        return new RenewalView(r.renewalId(), RenewalStatus.COMPLETED.name(), r.certificantId(), r.kind().name(),
                r.credentials(), r.level(), r.renewedOn(), null, r.renewedOn(), r.renewedAt(), r.cycleStart(),
                r.cycleEnd(), level.previousCycleStart(),
                level.previousCycleEnd(), level.gapFrom(), level.gapTo(), r.countedFrom(), r.countedTo(),
                cecs(r.cecsRequired()), of(r.fee()),
                attested(r.attestedAsCounted()), attested(r.attestedAsSubmitted()), cecs(r.cecsAttested()),
                cecs(r.cecsTracked()),
                r.certifications().stream().map(c -> new RenewedCertificationView(c.certificationId(),
                        c.credential(), c.previousCycleStart(), c.previousCycleEnd(), cecs(c.cecsTracked()),
                        c.gapFrom(), c.gapTo(), c.countedFrom(), c.countedTo())).toList(),
                new PaymentView(money(r.payment().amount()), r.payment().currency(), r.payment().reference()),
                new CprView(cpr.provider(), cpr.issuedOn(), cpr.expiresOn(), cpr.handsOnSkills()), true,
                r.submittedBy());
    }

    /** A renewal request not (yet) paid: what it will renew and what to pay, with the reference to pay it under. */
    public static RenewalView of(PendingRenewal p) {
        RenewalQuote q = p.quote();
        Payment due = p.paymentDue();
        RenewalRequest form = p.form();
        CprCard cpr = form.cpr();
        return new RenewalView(p.renewalId(), p.status().name(), p.certificantId(), q.kind().name(), q.credentials(),
                q.level(), p.requestedOn(), p.status() == RenewalStatus.PENDING ? p.expiresAt() : null, null, null,
                q.cycleStart(), q.cycleEnd(), null, null, null, null, null, null, cecs(q.cecsRequired()), of(q.fee()),
                null, attested(form.attestedCecs()), null, null, List.of(),
                new PaymentView(money(due.amount()), due.currency(), due.reference()),
                new CprView(cpr.provider(), cpr.issuedOn(), cpr.expiresOn(), cpr.handsOnSkills()), true,
                p.submittedBy());
    }

    private static AttestedView attested(AttestedCecs a) {
        return new AttestedView(cecs(a.ceOnlineAndAcsmEvents()), cecs(a.otherProviders()), cecs(a.collegeCourses()),
                cecs(a.committeeService()), cecs(a.cprAedFirstAid()), cecs(a.publicationsAndPresentations()));
    }

    /** CECs are kept exactly and shown to one decimal place. */
    static BigDecimal cecs(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
