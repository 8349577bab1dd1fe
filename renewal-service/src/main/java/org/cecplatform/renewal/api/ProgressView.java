package org.cecplatform.renewal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cecplatform.policy.counting.CecCaps;
import org.cecplatform.policy.counting.CecCategories;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CertificationProgress;
import org.cecplatform.renewal.domain.CreditExplanation;
import org.cecplatform.renewal.domain.ExplainedProgress;
import org.cecplatform.renewal.domain.ProgressReason;

/**
 * A certification's progress explained: the totals of the certifications view (counted = its cecsTracked) and every
 * ledger credit of the person with what it counted toward the cycle explained (the current one, or a past one asked
 * for) and why not more. CECs to one decimal.
 */
public record ProgressView(String certificantId, UUID certificationId, String credential, String status,
                           LocalDate asOf, int cycleNumber, LocalDate cycleStart, LocalDate cycleEnd,
                           LocalDate countedFrom, LocalDate countedTo, BigDecimal cecsRequired,
                           BigDecimal cecsCounted, BigDecimal cecsRemaining, List<CategoryView> categories,
                           List<CreditView> credits) {

    /**
     * One category of the cycle: the CECs its credits inside the window reported and what counted after the caps
     * (null cap: none).
     */
    public record CategoryView(String category, BigDecimal cecsReported, BigDecimal cecsCounted,
                               @Schema(nullable = true) BigDecimal capPerYear,
                               @Schema(nullable = true) BigDecimal capPerCycle) {
    }

    /** One ledger credit: what it reported, what counted toward this cycle, and the reason. */
    public record CreditView(UUID creditId, LocalDate completedOn, String category,
    @Schema(nullable = true) BigDecimal cecsReported,
                             BigDecimal cecsCounted, String reason, @Schema(nullable = true) String detail) {
    }

    static ProgressView of(String certificantId, LocalDate today, ExplainedProgress explained, CecCaps caps) {
        CertificationProgress p = explained.progress();
        Certification c = p.certification();
        return new ProgressView(certificantId, c.id(), c.credential(), p.eligibility().status().name(), today,
                explained.cycle().number(), explained.cycle().start(), explained.cycle().end(),
                explained.countedFrom(), explained.countedTo(), Views.cecs(p.cecsRequired()),
                Views.cecs(p.tracked().total()),
                Views.cecs(p.cecsRemaining()), categories(explained, caps),
                explained.credits().stream().map(ProgressView::of).toList());
    }

    private static List<CategoryView> categories(ExplainedProgress explained, CecCaps caps) {
        Map<String, BigDecimal> reported = new TreeMap<>();
        for (CreditExplanation line : explained.credits()) {
            if (line.reason() == ProgressReason.COUNTED || line.reason() == ProgressReason.CAP_REACHED) {
                reported.merge(line.category(), line.credit().cecs(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> counted = explained.progress().tracked().byCategory();
        return reported.entrySet().stream().map(e -> new CategoryView(e.getKey(), Views.cecs(e.getValue()),
                Views.cecs(counted.getOrDefault(e.getKey(), BigDecimal.ZERO)), capPerYear(e.getKey(), caps),
                CecCategories.COMMITTEE_SERVICE.equals(e.getKey()) ? Views.cecs(caps.committeeServicePerCycle())
                        : null)).toList();
    }

    private static BigDecimal capPerYear(String category, CecCaps caps) {
        return switch (category) {
            case CecCategories.COMMITTEE_SERVICE -> Views.cecs(caps.committeeServicePerYear());
            case CecCategories.CPR_AED_FIRST_AID -> Views.cecs(caps.cprPerYear());
            default -> null;
        };
    }

    private static CreditView of(CreditExplanation line) {
        return new CreditView(line.credit().creditId(), line.credit().completedOn(), line.category(),
                line.credit().cecs() == null ? null : Views.cecs(line.credit().cecs()), Views.cecs(line.counted()),
                line.reason().name(), line.detail());
    }
}
