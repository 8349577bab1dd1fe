package org.cecplatform.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditTest {

    static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");

    static CreditDetails details(Category category, String cecs) {
        return new CreditDetails("t", "p", ProviderKind.SPONSORING_ORGANIZATION, category, LocalDate.of(2027, 1, 5),
                new BigDecimal(cecs), Unit.CEC, new BigDecimal(cecs), null);
    }

    static Credit selfReported(Category category, String cecs) {
        return Credit.claimed(UUID.randomUUID(), "cert-1", Source.SELF_REPORTED, details(category, cecs), NOW, "cert-1");
    }

    @Test
    void givenASelfReportedCreditThenItIsNotVerifiedAndCounts() {
        Credit credit = selfReported(Category.GENERAL, "2");
        assertThat(credit.verified()).isFalse();
        assertThat(credit.voided()).isFalse();
        assertThat(credit.externalRef()).isNull();
    }

    @Test
    void givenAStaffEntryThenItIsNotVerified() {
        Credit credit = Credit.claimed(UUID.randomUUID(), "cert-1", Source.STAFF_ENTERED,
                details(Category.GENERAL, "1"), NOW, "staff-1");
        assertThat(credit.verified()).isFalse();
        assertThat(credit.recordedBy()).isEqualTo("staff-1");
    }

    @Test
    void givenAVerifiedSourceWhenClaimedThroughTheApiThenItIsRefused() {
        assertThatThrownBy(() -> Credit.claimed(UUID.randomUUID(), "cert-1", Source.CE_ONLINE,
                details(Category.GENERAL, "1"), NOW, "cert-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenACreditWhenVoidedThenItKeepsWhatItWasAndRecordsWhyByWhomAndWhen() {
        Credit credit = selfReported(Category.GENERAL, "2");

        Credit voided = credit.voidedBecause("  duplicate of an LMS credit ", "staff-1", NOW.plusSeconds(60));

        assertThat(voided.voided()).isTrue();
        assertThat(voided.voiding()).isEqualTo(new Credit.Voiding("duplicate of an LMS credit", "staff-1",
                NOW.plusSeconds(60)));
        assertThat(voided.details()).isEqualTo(credit.details());
        assertThat(voided.creditId()).isEqualTo(credit.creditId());
    }

    @Test
    void givenAVoidedCreditWhenVoidedAgainThenItIsAConflict() {
        Credit voided = selfReported(Category.GENERAL, "2").voidedBecause("wrong person", "staff-1", NOW);
        assertThatThrownBy(() -> voided.voidedBecause("again", "staff-2", NOW))
                .isInstanceOf(CreditAlreadyVoidedException.class).hasMessageContaining("already voided");
    }

    @Test
    void givenNoReasonWhenCheckedThenTheReasonIsRequired() {
        assertThat(Credit.checkVoidReason(null)).extracting(RuleViolation::field).containsExactly("reason");
        assertThat(Credit.checkVoidReason("   ")).extracting(RuleViolation::field).containsExactly("reason");
        assertThat(Credit.checkVoidReason("x".repeat(1001))).extracting(RuleViolation::field).containsExactly("reason");
        assertThat(Credit.checkVoidReason("entered twice")).isEmpty();
        assertThatThrownBy(() -> selfReported(Category.GENERAL, "1").voidedBecause(" ", "staff-1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheSumsOfSomeCategoriesWhenTotalledThenEveryCategoryIsPresentAndTheTotalIsTheirSum() {
        CecTotals totals = CecTotals.of(Map.of(Category.GENERAL, new BigDecimal("7.5"),
                Category.COMMITTEE_SERVICE, new BigDecimal("3")));

        assertThat(totals.cecs()).isEqualByComparingTo("10.5");
        assertThat(totals.byCategory().get(Category.GENERAL)).isEqualByComparingTo("7.5");
        assertThat(totals.byCategory().get(Category.COMMITTEE_SERVICE)).isEqualByComparingTo("3");
        assertThat(totals.byCategory().get(Category.PUBLICATION)).isEqualByComparingTo("0");
        assertThat(totals.byCategory()).containsOnlyKeys(Category.values());
    }

    @Test
    void givenACreditOfZeroCecsThenItCannotExist() {
        assertThatThrownBy(() -> details(Category.GENERAL, "0")).isInstanceOf(IllegalArgumentException.class);
    }
}
