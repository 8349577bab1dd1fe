package org.cecplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void eachProcessAndTheRestOfTheMachineArePerThousandRecords() {
        CpuMeter.Snapshot before = new CpuMeter.Snapshot(
                Map.of("ledger", Duration.ofSeconds(10), "kafka", Duration.ofSeconds(2)), OptionalLong.of(1_000));
        CpuMeter.Snapshot after = new CpuMeter.Snapshot(
                Map.of("ledger", Duration.ofSeconds(14), "kafka", Duration.ofSeconds(3)), OptionalLong.of(1_800));

        // 8 s of the machine's CPU for 2,000 records: ledger 4 s, kafka 1 s, the rest 3 s.
        Map<String, Double> ms = CpuMeter.perThousand(before, after, 2_000);

        assertThat(ms.get("ledger")).isCloseTo(2_000, within(0.001));
        assertThat(ms.get("kafka")).isCloseTo(500, within(0.001));
        assertThat(ms.get(CpuMeter.REST)).isCloseTo(1_500, within(0.001));
    }

    @Test
    void withoutTheMachinesFigureTheRestIsLeftOut() {
        CpuMeter.Snapshot before = new CpuMeter.Snapshot(Map.of("audit", Duration.ZERO), OptionalLong.empty());
        CpuMeter.Snapshot after = new CpuMeter.Snapshot(Map.of("audit", Duration.ofMillis(300)), OptionalLong.empty());

        assertThat(CpuMeter.perThousand(before, after, 1_000)).containsOnlyKeys("audit");
    }
}
