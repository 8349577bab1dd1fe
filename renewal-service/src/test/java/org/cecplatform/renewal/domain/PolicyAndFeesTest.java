package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cecplatform.renewal.domain.Acsm.dec;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyAndFeesTest {

    private final FeeSchedule fees = new FeeSchedule(Acsm.POLICY);

    @ParameterizedTest(name = "highest of {0} is {1}")
    @CsvSource({
            "CPT,          CPT",
            "CPT GEI,      CPT",
            "GEI CPT,      CPT",
            "GEI PAPHS,    GEI",
            "PAPHS GEI,    GEI",
            "CET CIFT,     CIFT",
            "CPT CET,      CPT",
            "EP CEP,       CEP",
            "CPT EP,       EP",
            "CET PAPHS,    PAPHS",
            "CET GEI CEP,  CEP"})
    void givenSeveralCredentials_thenTheHighestHasTheMostCecsAndTiesFollowTheRank(String codes, String highest) {
        assertThat(Acsm.POLICY.highest(List.of(codes.split(" "))).code()).isEqualTo(highest);
    }

    @Test
    void givenNoKnownCredential_whenTheHighestIsAsked_thenItRefuses() {
        assertThatThrownBy(() -> Acsm.POLICY.highest(List.of("XYZ"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} of {1}: {2} USD")
    @CsvSource({
            "RENEWAL,       CPT,          60",
            "RENEWAL,       CPT GEI,      65",
            "RENEWAL,       CEP CPT CET,  80",
            "RENEWAL,       CET,          35",
            "RENEWAL,       PAPHS GEI,    65",
            "LATE_RENEWAL,  CPT,          140",
            "LATE_RENEWAL,  CPT GEI,      145",
            "REINSTATEMENT, CPT,          165",
            "REINSTATEMENT, CPT GEI CET,  165"})
    void givenAKindAndCredentials_thenTheFeeIsItemisedAndTotalled(RenewalKind kind, String codes, String total) {
        Fee fee = fees.price(kind, List.of(codes.split(" ")));

        assertThat(fee.total()).isEqualByComparingTo(total);
        assertThat(fee.currency()).isEqualTo("USD");
        assertThat(fee.items().stream().map(FeeItem::amount).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isEqualByComparingTo(total);
    }

    @Test
    void givenALateRenewalOfTwo_thenTheItemsNameTheHighestFeeTheAdditionalCredentialAndTheLateFee() {
        Fee fee = fees.price(RenewalKind.LATE_RENEWAL, List.of("GEI", "CPT"));

        assertThat(fee.items()).containsExactly(
                new FeeItem("Renewal fee, CPT (Certified Personal Trainer)", dec("60")),
                new FeeItem("Additional credential, GEI (Certified Group Exercise Instructor)", dec("5")),
                new FeeItem("Late fee (renewal in the grace period)", dec("80")));
    }

    @Test
    void givenAReinstatement_thenTheReinstatementFeeReplacesTheRenewalAndLateFees() {
        Fee fee = fees.price(RenewalKind.REINSTATEMENT, List.of("CPT", "GEI"));

        assertThat(fee.items()).containsExactly(new FeeItem("Reinstatement fee", dec("165")));
    }

    @Test
    void givenAPolicyNamingACredentialTwice_thenItIsRefused() {
        assertThatThrownBy(() -> new Policy(List.of(Acsm.rule("CPT", "a", 45, 60), Acsm.rule("CPT", "b", 45, 60)),
                Acsm.NEW_YORK, "USD", 3, java.time.MonthDay.of(6, 30), 3, dec("80"), dec("165"), dec("5"),
                Acsm.POLICY.cecCaps(), Acsm.POLICY.attestationCaps()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
