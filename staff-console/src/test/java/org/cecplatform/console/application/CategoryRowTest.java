package org.cecplatform.console.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CategoryRowTest {

    private static final UUID CPT = UUID.randomUUID();

    private static RenewalApi.Certification certification(UUID id, Map<String, BigDecimal> byCategory) {
        return new RenewalApi.Certification(id, "CPT", "Certified Personal Trainer", "ACTIVE", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 1), LocalDate.of(2029, 12, 31), new BigDecimal("45"), new BigDecimal("28.0"),
                new BigDecimal("17.0"), 1000, LocalDate.of(2029, 12, 31), false, null, List.of(), byCategory, List.of());
    }

    private static RenewalApi.Progress progress(UUID certificationId, RenewalApi.CategoryCount... categories) {
        return new RenewalApi.Progress(certificationId, "CPT", "ACTIVE", LocalDate.of(2026, 12, 1), 1, null, null, null,
                null, null, null, null, List.of(categories), List.of());
    }

    @Test
    void aCategoryCutByItsCapIsMarkedAndItsCapsAreNamed() {
        RenewalApi.Certification c = certification(CPT, Map.of("GENERAL", new BigDecimal("20.0"),
                "COMMITTEE_SERVICE", new BigDecimal("8.0")));
        List<CategoryRow> rows = CategoryRow.of(c, progress(CPT,
                new RenewalApi.CategoryCount("COMMITTEE_SERVICE", new BigDecimal("10.0"), new BigDecimal("8.0"),
                        new BigDecimal("8.0"), new BigDecimal("24.0")),
                new RenewalApi.CategoryCount("GENERAL", new BigDecimal("20.0"), new BigDecimal("20.0"), null, null)));

        assertThat(rows).extracting(CategoryRow::category).containsExactly("COMMITTEE_SERVICE", "GENERAL");
        assertThat(rows.get(0).capReached()).isTrue();
        assertThat(rows.get(0).capText()).isEqualTo("8 a year, 24 a cycle");
        assertThat(rows.get(1).capReached()).isFalse();
        assertThat(rows.get(1).capText()).isEqualTo("none");
    }

    @Test
    void withoutTheExplanationOfThisCertificationOnlyTheCountedCecsAreKnown() {
        RenewalApi.Certification c = certification(CPT, Map.of("GENERAL", new BigDecimal("20.0")));
        RenewalApi.Progress another = progress(UUID.randomUUID(),
                new RenewalApi.CategoryCount("GENERAL", new BigDecimal("90.0"), new BigDecimal("20.0"), null, null));

        for (RenewalApi.Progress p : new RenewalApi.Progress[] {null, another}) {
            List<CategoryRow> rows = CategoryRow.of(c, p);
            assertThat(rows).containsExactly(new CategoryRow("GENERAL", new BigDecimal("20.0"), null, null, null));
            assertThat(rows.get(0).capReached()).isFalse();
        }
    }
}
