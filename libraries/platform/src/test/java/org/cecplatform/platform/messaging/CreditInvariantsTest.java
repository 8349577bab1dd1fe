package org.cecplatform.platform.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.ledger.CecEarnedV1;
import org.cecplatform.contract.ledger.CecVoidedV1;
import org.junit.jupiter.api.Test;

/** SPEC §6: a credit id already projected never changes owner or amount, and only its owner's void voids it. */
class CreditInvariantsTest {

    private static final UUID CREDIT = UUID.fromString("6f1c2a34-0000-4000-8000-000000000001");

    private static CecEarnedV1 earned(UUID creditId, String person, String cecs) {
        return new CecEarnedV1(creditId, person, "SELF_REPORTED", false, "GENERAL", "Workshop", "ACSM",
                "ACSM_APPROVED_PROVIDER", LocalDate.of(2026, 5, 1),
                new CecEarnedV1.Reported(new BigDecimal(cecs), "CEC"), new BigDecimal(cecs), null, null, person,
                Instant.parse("2026-05-02T10:00:00Z"));
    }

    private static CecVoidedV1 voided(UUID creditId, String person) {
        return new CecVoidedV1(creditId, person, "duplicate", "staff-1", Instant.parse("2026-06-01T10:00:00Z"),
                LocalDate.of(2026, 5, 1), "GENERAL", new BigDecimal("10"));
    }

    private static CreditInvariants projecting(String person, String cecs) {
        return new CreditInvariants(Map.of(CREDIT, new CreditInvariants.Recorded(person, new BigDecimal(cecs))));
    }

    @Test
    void theSameFiguresAgainPassEvenWrittenDifferently() {
        CreditInvariants invariants = projecting("cert-a", "10");
        assertThatCode(() -> {
            invariants.earned(earned(CREDIT, "cert-a", "10"));
            invariants.earned(earned(CREDIT, "cert-a", "10.00"));
        }).doesNotThrowAnyException();
    }

    @Test
    void aCreditCannotChangeItsOwner() {
        assertThatThrownBy(() -> projecting("cert-a", "10").earned(earned(CREDIT, "cert-b", "10")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessage("credit " + CREDIT + " is already recorded for cert-a with 10 CECs; a CECEarned cannot"
                        + " change its owner or amount (this one: cert-b, 10 CECs)");
    }

    @Test
    void aCreditCannotChangeItsAmount() {
        assertThatThrownBy(() -> projecting("cert-a", "10").earned(earned(CREDIT, "cert-a", "12.5")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("already recorded for cert-a with 10 CECs")
                .hasMessageContaining("(this one: cert-a, 12.5 CECs)");
    }

    @Test
    void aConflictInsideOneBatchIsCaughtAgainstTheCreditEarlierInTheBatch() {
        CreditInvariants batch = new CreditInvariants(Map.of());
        batch.earned(earned(CREDIT, "cert-a", "10"));
        assertThatThrownBy(() -> batch.earned(earned(CREDIT, "cert-b", "10")))
                .isInstanceOf(RejectedMessageException.class).hasMessageContaining("recorded for cert-a");
        assertThatThrownBy(() -> batch.voided(voided(CREDIT, "cert-b")))
                .isInstanceOf(RejectedMessageException.class);
    }

    @Test
    void onlyTheOwnerVoidsACredit() {
        CreditInvariants invariants = projecting("cert-a", "10");
        assertThatCode(() -> invariants.voided(voided(CREDIT, "cert-a"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> invariants.voided(voided(CREDIT, "cert-b")))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessage("credit " + CREDIT + " is recorded for cert-a; a CECVoided for cert-b cannot void it");
    }

    @Test
    void aVoidBeforeItsCreditAndOtherCreditsPass() {
        CreditInvariants invariants = projecting("cert-a", "10");
        assertThatCode(() -> {
            invariants.voided(voided(UUID.randomUUID(), "cert-b"));
            invariants.earned(earned(UUID.randomUUID(), "cert-b", "3"));
        }).doesNotThrowAnyException();
    }
}
