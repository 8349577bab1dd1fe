package org.cecplatform.console.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClockViewTest {

    @Test
    void aShiftReadsInDaysHoursAndMinutesAheadOrBack() {
        ServiceAdminApi.ClockView ahead = new ServiceAdminApi.ClockView(Instant.EPOCH, "PT2160H6M21.164570033S", true);
        assertThat(ahead.moved()).isTrue();
        assertThat(ahead.shift()).isEqualTo("90 d 0 h 6 min ahead");
        assertThat(new ServiceAdminApi.ClockView(Instant.EPOCH, "-PT25H30M", true).shift()).isEqualTo("1 d 1 h 30 min back");
    }

    @Test
    void theSystemTimeIsNotMoved() {
        assertThat(new ServiceAdminApi.ClockView(Instant.EPOCH, "PT0S", true).moved()).isFalse();
        assertThat(new ServiceAdminApi.ClockView(Instant.EPOCH, "PT0.2S", true).moved()).isFalse();
    }
}
