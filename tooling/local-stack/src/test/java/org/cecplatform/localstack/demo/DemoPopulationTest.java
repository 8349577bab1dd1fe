package org.cecplatform.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.cecplatform.localstack.demo.DemoPopulation.Credit;
import org.cecplatform.localstack.demo.DemoPopulation.Person;
import org.cecplatform.localstack.demo.DemoPopulation.Source;
import org.junit.jupiter.api.Test;

class DemoPopulationTest {

    private static final LocalDate TODAY = LocalDate.parse("2027-06-15");
    private final DemoPopulation population = DemoPopulation.generate(2000, 1, TODAY);

    @Test
    void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
        assertThat(DemoPopulation.generate(2000, 1, TODAY)).isEqualTo(population);
        DemoPopulation other = DemoPopulation.generate(2000, 2, TODAY);
        Set<String> ids = new HashSet<>();
        population.people().forEach(p -> ids.add(p.certificantId()));
        assertThat(other.people()).noneMatch(p -> ids.contains(p.certificantId()));
        assertThat(ids).hasSize(2000);
    }

    @Test
    void everyIdIsACertificantIdWhateverTheSeed() {
        // SPEC §6 (the services check it with platform's CertificantIds; this module does not depend on platform)
        String pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
        for (long seed : new long[] {1, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertThat(DemoPopulation.generate(3, seed, TODAY).people())
                    .allSatisfy(p -> assertThat(p.certificantId()).matches(pattern));
        }
    }

    @Test
    void everyCredentialAndSourceIsThereAndSomeHoldTwo() {
        Set<String> credentials = new HashSet<>();
        Set<Source> sources = new HashSet<>();
        for (Person p : population.people()) {
            credentials.addAll(p.credentials());
            p.credits().forEach(c -> sources.add(c.source()));
            assertThat(p.credentials()).doesNotHaveDuplicates();
        }
        assertThat(credentials).containsExactlyInAnyOrderElementsOf(DemoPopulation.REQUIRED.keySet());
        assertThat(sources).containsExactlyInAnyOrder(Source.values());
        assertThat(population.people().stream().filter(p -> p.credentials().size() == 2).count()).isBetween(150L, 350L);
    }

    @Test
    void creditsFallInsideTheCycleUpToTodayAndRenewersHaveEnoughInTheirFinalYear() {
        for (Person p : population.people()) {
            assertThat(p.certifiedOn()).isBetween(LocalDate.of(TODAY.getYear() - 3, 1, 1), TODAY);
            for (Credit c : p.credits()) {
                assertThat(c.completedOn()).as(c.externalId()).isBetween(p.certifiedOn(), TODAY);
                assertThat(c.cecs()).isPositive().isLessThanOrEqualTo(BigDecimal.valueOf(100));
                assertThat(c.cecs().scale()).isLessThanOrEqualTo(1);
            }
            if (p.renews()) {
                assertThat(p.certifiedOn().getYear()).as("final year").isEqualTo(TODAY.getYear() - 3);
                BigDecimal total = p.total(Source.LMS).add(p.total(Source.MEETING)).add(p.total(Source.SELF_REPORTED));
                assertThat(total).as(p.certificantId()).isGreaterThanOrEqualTo(BigDecimal.valueOf(p.required()));
            }
        }
        assertThat(population.renewing()).isBetween(400L, 650L);
    }
}
