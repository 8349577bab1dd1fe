package org.cecplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.cecplatform.contract.Topics;

/**
 * A ledger credit id names one credit for good (SPEC §6): what every service's projection of the ledger must show
 * after its consumer refused a CECEarned or CECVoided that would change a recorded credit, checked the same way in
 * each service. The services differ in how they publish a credit and in what they count; they check that themselves.
 */
public final class LedgerCreditTrust {

    /** A CECEarned record as the ledger publishes it on cec.ledger.v1, as a consumer receives it. */
    @FunctionalInterface
    public interface EarnedRecord {
        ConsumerRecord<String, byte[]> of(UUID creditId, String certificantId, String cecs);
    }

    private LedgerCreditTrust() {
    }

    /**
     * After {@code owner}'s credit of {@code cecs} came again for {@code other} with the same CECs and for its owner
     * with {@code changedCecs}: both are dead-lettered, and the credit keeps its owner and CECs.
     */
    public static void assertAnotherOwnerOrAmountRefused(UUID credit, String owner, String cecs, String other,
                                                         String changedCecs) {
        assertThat(TestDeadLetters.reasons(Topics.LEDGER, other, 1))
                .containsExactly(alreadyRecorded(credit, owner, cecs, other, cecs));
        assertThat(TestDeadLetters.reasons(Topics.LEDGER, owner, 1))
                .containsExactly(alreadyRecorded(credit, owner, cecs, owner, changedCecs));
        assertThat(ProjectedCredit.of(credit)).contains(ProjectedCredit.counted(owner, cecs));
    }

    /** After a CECVoided for {@code other} of {@code owner}'s credit: dead-lettered, and the credit still counts. */
    public static void assertVoidForAnotherOwnerRefused(UUID credit, String owner, String cecs, String other) {
        assertThat(TestDeadLetters.reasons(Topics.LEDGER, other, 1)).containsExactly("credit " + credit
                + " is recorded for " + owner + "; a CECVoided for " + other + " cannot void it");
        assertThat(ProjectedCredit.of(credit)).contains(ProjectedCredit.counted(owner, cecs));
    }

    /**
     * Hands the consumer two batches, since the broker decides how records are batched: the first sends
     * {@code projected} (recorded as {@code owner}'s with 10 CECs) again with 12 between two new credits of 3 and 2;
     * the second sends a new credit of 4 for {@code owner}, the same credit for {@code other}, and a new credit of 1.
     * Asserts that the two offenders alone are dead-lettered and both credits keep their first figures; the rest of
     * the batches (3 + 2 + 4 + 1 CECs, all {@code owner}'s) is the caller's to check.
     */
    public static void handTwoBatchesWithOneOffenderEach(Consumer<ConsumerRecords<String, byte[]>> consumer,
                                                         EarnedRecord earned, UUID projected, String owner,
                                                         String other) {
        UUID inBatch = UUID.randomUUID();
        consumer.accept(TestKafka.batch(
                earned.of(UUID.randomUUID(), owner, "3"),
                earned.of(projected, owner, "12"),
                earned.of(UUID.randomUUID(), owner, "2")));
        consumer.accept(TestKafka.batch(
                earned.of(inBatch, owner, "4"),
                earned.of(inBatch, other, "4"),
                earned.of(UUID.randomUUID(), owner, "1")));

        assertThat(ProjectedCredit.of(projected)).contains(ProjectedCredit.counted(owner, "10"));
        assertThat(ProjectedCredit.of(inBatch)).contains(ProjectedCredit.counted(owner, "4"));
        assertThat(TestDeadLetters.of(Topics.LEDGER, 2, owner, other)).extracting(TestDeadLetters::reason)
                .containsExactlyInAnyOrder(alreadyRecorded(projected, owner, "10", owner, "12"),
                        alreadyRecorded(inBatch, owner, "4", other, "4"));
    }

    private static String alreadyRecorded(UUID credit, String owner, String cecs, String claimant, String claimed) {
        return "credit " + credit + " is already recorded for " + owner + " with " + cecs
                + " CECs; a CECEarned cannot change its owner or amount (this one: " + claimant + ", " + claimed
                + " CECs)";
    }
}
