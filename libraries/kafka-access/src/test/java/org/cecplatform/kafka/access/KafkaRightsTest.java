package org.cecplatform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.cecplatform.contract.Topics;
import org.cecplatform.kafka.access.KafkaRights.Access;
import org.junit.jupiter.api.Test;

class KafkaRightsTest {

    private final KafkaRights shipped = KafkaRights.shipped();

    @Test
    void theTableCoversEveryTopicOfTheContractAndTheDeadLetterTopicOfEveryTopicAServiceReads() {
        TreeSet<String> expected = new TreeSet<>(Topics.ALL);
        // A dead-letter topic is written by the services that read its topic; cec.notices.v1 has no reader here.
        Topics.ALL.stream().filter(topic -> !topic.equals(Topics.NOTICES))
                .forEach(topic -> expected.add(Topics.deadLetter(topic)));
        assertThat(shipped.topics()).isEqualTo(expected);
    }

    @Test
    void eachEventTopicIsWrittenOnlyByItsOwnerAndEachIntakeTopicByItsIntegration() {
        assertThat(shipped.ownerOf(Topics.LEDGER)).contains("ledger-service");
        assertThat(shipped.ownerOf(Topics.RENEWALS)).contains("renewal-service");
        assertThat(shipped.ownerOf(Topics.AUDITS)).contains("audit-service");
        assertThat(shipped.ownerOf(Topics.NOTICES)).contains("notification-service");
        assertThat(shipped.ownerOf(Topics.LMS_COURSE_COMPLETIONS)).contains("lms");
        assertThat(shipped.ownerOf(Topics.MEETINGS_ATTENDANCE)).contains("meetings");
    }

    @Test
    void theWriterOfEachEventTopicIsTheOwnerItsConsumersExpect() {
        for (String topic : List.of(Topics.LEDGER, Topics.RENEWALS, Topics.AUDITS, Topics.NOTICES)) {
            assertThat(shipped.ownerOf(topic)).as(topic).isEqualTo(Topics.owner(topic)).isPresent();
        }
    }

    @Test
    void theIntegrationsWriteTheirTopicAndNothingElse() {
        for (String topic : shipped.topics()) {
            assertThat(shipped.allows("lms", topic, Access.WRITE)).as(topic)
                    .isEqualTo(topic.equals(Topics.LMS_COURSE_COMPLETIONS));
            assertThat(shipped.allows("meetings", topic, Access.WRITE)).as(topic)
                    .isEqualTo(topic.equals(Topics.MEETINGS_ATTENDANCE));
            assertThat(shipped.allows("lms", topic, Access.READ)).as(topic).isFalse();
            assertThat(shipped.allows("meetings", topic, Access.READ)).as(topic).isFalse();
        }
    }

    @Test
    void aServiceWritesTheDeadLetterTopicsOfWhatItReadsAndNoOther() {
        for (String principal : shipped.principals()) {
            if (principal.equals(KafkaRights.OPERATOR)) {
                continue;
            }
            for (String topic : Topics.ALL) {
                assertThat(shipped.allows(principal, Topics.deadLetter(topic), Access.WRITE)).as(principal + " " + topic)
                        .isEqualTo(shipped.allows(principal, topic, Access.READ));
            }
        }
    }

    @Test
    void theOperatorMayDoEverythingAndNobodyElseManages() {
        assertThat(shipped.allows(KafkaRights.OPERATOR, "any.topic", Access.MANAGE)).isTrue();
        assertThat(shipped.allows(KafkaRights.OPERATOR, Topics.AUDITS, Access.WRITE)).isTrue();
        shipped.principals().stream().filter(p -> !p.equals(KafkaRights.OPERATOR)).forEach(principal ->
                assertThat(shipped.allows(principal, Topics.LEDGER, Access.MANAGE)).as(principal).isFalse());
    }

    @Test
    void aTopicWithSeveralWritersHasNoOwner() {
        KafkaRights rights = KafkaRights.parse("a t write\nb t write\n");
        assertThat(rights.ownerOf("t")).isEqualTo(Optional.empty());
    }

    @Test
    void aTableThatCannotMeanAnythingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> KafkaRights.parse("a t write\na t read\n")).hasMessageContaining("line 2")
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> KafkaRights.parse("a t delete\n")).hasMessageContaining("unknown access 'delete'");
        assertThatThrownBy(() -> KafkaRights.parse("a * read\n")).hasMessageContaining("only the operator");
        assertThatThrownBy(() -> KafkaRights.parse("a t manage\n")).hasMessageContaining("only the operator manages");
        assertThatThrownBy(() -> KafkaRights.parse("A t read\n")).hasMessageContaining("not a lower-case name");
        assertThatThrownBy(() -> KafkaRights.parse("a t\n")).hasMessageContaining("expected 'principal topic access'");
    }
}
