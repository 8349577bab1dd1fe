package org.cecplatform.systemtests.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.LongStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.renewal.config.PolicyProducer;
import org.cecplatform.renewal.domain.RenewalRules;

/**
 * One credit, one cycle, anywhere in the system: over random histories of one person (a grant, credits of every
 * category, early / on-time / late renewals, reinstatements, audits with remediation and replacement CECs, overdue
 * audits cured by new verified credits), no credit counts toward two cycles, whether the renewal-service counted it
 * (a renewal, the open cycle) or the audit-service (the audit of a renewal counts toward the cycle renewed).
 */
class OneCyclePerCreditTest {

    /** The policy shipped with the product (ACSM's rules), as the renewal-service maps it. */
    static final RenewalRules ACSM = PolicyProducer.rulesOf(PolicyFile.shipped()).on(LocalDate.of(2026, 1, 1));

    @Property(tries = 400, seed = "20261130")
    void noCreditCountsTowardTwoCycles(@ForAll long seed) {
        PersonHistory history = new PersonHistory(seed, ACSM, true).play();

        Statistics.label("renewals").collect(history.renewals());
        Statistics.label("replacement credits reported").collect(history.replacementsReported() > 0);
        assertThat(history.countedTwice()).as("credits counted toward two cycles, in this history:\n%s",
                history.log()).isEmpty();
    }

    /** The check can fail: a renewal-service that ignored the replacements audits report is caught. */
    @Example
    void aRenewalServiceThatIgnoredReplacementCreditsIsCaught() {
        long caught = LongStream.range(0, 400)
                .filter(seed -> !new PersonHistory(seed, ACSM, false).play().countedTwice().isEmpty()).count();

        assertThat(caught).isPositive();
    }

    /** The histories do what they are for: renewals happen, and audits report replacement credits. */
    @Example
    void theHistoriesRenewAndReportReplacements() {
        long withReplacements = LongStream.range(0, 400)
                .filter(seed -> new PersonHistory(seed, ACSM, true).play().replacementsReported() > 0).count();
        long renewed = LongStream.range(0, 400)
                .filter(seed -> new PersonHistory(seed, ACSM, true).play().renewals() > 1).count();

        assertThat(withReplacements).isGreaterThan(20);
        assertThat(renewed).isGreaterThan(100);
    }
}
