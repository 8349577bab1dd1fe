package org.cecplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void eachOfTheProductsEventTopicsIsOwnedByTheServiceThatPublishesIt() {
        assertThat(Topics.owner(Topics.LEDGER)).contains("ledger-service");
        assertThat(Topics.owner(Topics.RENEWALS)).contains("renewal-service");
        assertThat(Topics.owner(Topics.AUDITS)).contains("audit-service");
        assertThat(Topics.owner(Topics.NOTICES)).contains("notification-service");
    }

    @Test
    void theExpectedSourceOfATopicIsItsOwnersCloudEventSource() {
        assertThat(Topics.ownerSource(Topics.LEDGER)).contains("/cec-platform/ledger-service");
        assertThat(Topics.ownerSource(Topics.RENEWALS)).contains("/cec-platform/renewal-service");
        assertThat(Topics.ownerSource(Topics.AUDITS)).contains("/cec-platform/audit-service");
        assertThat(EventSources.of("audit-service")).isEqualTo(EventSources.PREFIX + "audit-service");
    }

    @Test
    void intakeTopicsDeadLetterTopicsAndStrangersHaveNoOwner() {
        assertThat(Topics.owner(Topics.LMS_COURSE_COMPLETIONS)).isEmpty();
        assertThat(Topics.owner(Topics.MEETINGS_ATTENDANCE)).isEmpty();
        assertThat(Topics.owner(Topics.deadLetter(Topics.LEDGER))).isEmpty();
        assertThat(Topics.owner("cec.ledger.v2")).isEmpty();
        assertThat(Topics.ownerSource(Topics.LMS_COURSE_COMPLETIONS)).isEmpty();
    }

    @Test
    void everyTopicIsAnEventTopicOrAnIntakeTopicAndHasItsDeadLetterTopic() {
        assertThat(Topics.ALL).containsExactly(Topics.LEDGER, Topics.RENEWALS, Topics.AUDITS, Topics.NOTICES,
                Topics.LMS_COURSE_COMPLETIONS, Topics.MEETINGS_ATTENDANCE);
        assertThat(Topics.EVENTS).allSatisfy(topic -> assertThat(Topics.owner(topic)).as(topic).isPresent());
        assertThat(Topics.INTAKE).allSatisfy(topic -> assertThat(Topics.owner(topic)).as(topic).isEmpty());
        assertThat(Topics.DEAD_LETTERS).containsExactly("cec.ledger.v1.dlq", "cec.renewals.v1.dlq",
                "cec.audits.v1.dlq", "cec.notices.v1.dlq", "lms.course-completions.v1.dlq", "meetings.attendance.v1.dlq");
        assertThat(Topics.DEAD_LETTERS).doesNotContainAnyElementsOf(Topics.ALL);
    }
}
