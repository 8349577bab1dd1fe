package org.cecplatform.console.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RenewalGapTest {

    private static RenewalApi.Renewal renewal(String kind, LocalDate gapFrom, LocalDate gapTo) {
        return new RenewalApi.Renewal(UUID.randomUUID(), "COMPLETED", kind, List.of("EP"), "EP", null, null, null, null,
                null, null, gapFrom, gapTo, null, null, null, "C-1");
    }

    @Test
    void aReinstatementsGapCountsBothEnds_aRenewalHasNone() {
        RenewalApi.Renewal reinstated = renewal("REINSTATEMENT", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 7, 14));
        assertThat(reinstated.gapDays()).isEqualTo(195L);
        assertThat(reinstated.kindText()).isEqualTo("reinstatement");

        RenewalApi.Renewal late = renewal("LATE_RENEWAL", null, null);
        assertThat(late.gapDays()).isNull();
        assertThat(late.kindText()).isEqualTo("late, with the late fee");
    }
}
