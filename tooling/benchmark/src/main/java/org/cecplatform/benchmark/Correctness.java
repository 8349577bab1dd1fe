package org.cecplatform.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.cecplatform.contract.Topics;

/**
 * The end-of-run check, so a fast wrong answer cannot pass: every completion sent became exactly one credit in the
 * ledger, one CECEarned on {@code cec.ledger.v1}, and one row in renewal's projection; nothing went to a dead-letter
 * topic.
 */
public final class Correctness {

    public record Counts(long completionsSent, long ledgerCredits, long ledgerTopicEvents, long projectedCredits,
                         long intakeDeadLetters, long ledgerDeadLetters) {

        public List<String> disagreements() {
            List<String> problems = new ArrayList<>();
            if (ledgerCredits != completionsSent) {
                problems.add("ledger credits " + ledgerCredits + " != completions sent " + completionsSent);
            }
            if (ledgerTopicEvents != ledgerCredits) {
                problems.add("events on cec.ledger.v1 " + ledgerTopicEvents + " != ledger credits " + ledgerCredits);
            }
            if (projectedCredits != ledgerCredits) {
                problems.add("renewal projection " + projectedCredits + " != ledger credits " + ledgerCredits);
            }
            if (intakeDeadLetters != 0 || ledgerDeadLetters != 0) {
                problems.add("dead letters: " + intakeDeadLetters + " intake, " + ledgerDeadLetters + " ledger");
            }
            return problems;
        }
    }

    private final Databases databases;
    private final TopicCounts topics;

    public Correctness(Databases databases, TopicCounts topics) {
        this.databases = databases;
        this.topics = topics;
    }

    public Counts count(long completionsSent) throws Exception {
        return new Counts(completionsSent,
                databases.count("ledger", "select count(*) from credit"),
                topics.records(Topics.LEDGER),
                databases.count("renewal", "select count(*) from ledger_credit"),
                topics.records(Topics.deadLetter(CompletionProducer.TOPIC)),
                topics.records(Topics.deadLetter(Topics.LEDGER)));
    }
}
