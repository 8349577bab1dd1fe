package org.cecplatform.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cecplatform.systemtests.Certificant.noon;
import static org.cecplatform.systemtests.SystemUnderTest.CERTIFICANT;
import static org.cecplatform.systemtests.SystemUnderTest.STAFF;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.cecplatform.contract.Topics;
import org.cecplatform.localstack.LocalStackCluster;
import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/**
 * The walkthrough's path told by e-mail: a person sets a contact address and is granted, renews (the renewal waits for
 * its payment, is paid: the receipt), is audited, reminded 7 days before the proof is due, and passes. Each notice is
 * read from the stack's SMTP server (subject, recipient, a fact, its Message-ID) and listed by the notification-service.
 * Then the notification-service's consumer groups replay every topic from the beginning: no mail and no notice more.
 */
@SystemTest
class NotificationStorySystemTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final Duration READY = Duration.ofSeconds(240);

    /** The notification-service's consumer groups (its application.properties) and their topics. */
    private static final Map<String, String> GROUPS = Map.of(
            "notification-service.renewals", Topics.RENEWALS,
            "notification-service.audits", Topics.AUDITS,
            "notification-service.ledger", Topics.LEDGER);

    @AfterEach
    void systemTimeAndEverythingRunning(SystemUnderTest sut) throws Exception {
        sut.cluster().startServices();
        sut.cluster().awaitReady(READY);
        sut.resetClockEverywhere();
    }

    @Test
    void theWalkthroughsNoticesArriveByMail_andAReplaySendsNothingTwice(SystemUnderTest sut) throws Exception {
        Certificant cpt = Certificant.fresh(sut, "notified");
        String email = cpt.id + "@example.org";
        Mailbox mailbox = new Mailbox(sut, cpt.id, email);

        sut.setClockEverywhere(noon("2027-03-01"));
        sut.request(PlatformService.NOTIFICATION, CERTIFICANT, cpt.id).contentType(ContentType.JSON)
                .body(Map.of("email", email)).put("/api/v1/certificants/{id}/contact", cpt.id).then().statusCode(200);
        cpt.grant("CPT", "2027-03-01");
        JsonNode granted = mailbox.awaitNotice("CERTIFICATION_GRANTED");
        assertThat(granted.path("subject").asText()).contains("CPT");
        assertThat(granted.path("text").asText()).contains("2030-12-31");

        sut.setClockEverywhere(noon("2030-06-01"));
        cpt.selfReport("Sports nutrition workshop", "45", "2030-05-20");
        cpt.awaitTracked("CPT", "45");
        JsonNode requested = Certificant.json(cpt.requestRenewal(cpt.renewalForm(List.of("CPT"), "0", "45", "2030-06-01"))
                .then().statusCode(202).extract().response());
        String renewalId = requested.path("renewalId").asText();
        JsonNode pending = mailbox.awaitNotice("RENEWAL_PAYMENT_REQUESTED");
        assertThat(pending.path("subject").asText()).contains("60 USD");
        assertThat(pending.path("text").asText()).contains("What to pay: 60 USD").contains("Payment reference: ")
                .contains("Deadline: 20").contains(renewalId);

        assertThat(sut.cluster().paymentProvider().pay(renewalId).status()).isEqualTo(200);
        JsonNode receipt = mailbox.awaitNotice("RENEWAL_ACCEPTED");
        assertThat(receipt.path("subject").asText()).contains("2033-12-31");
        assertThat(receipt.path("text").asText()).contains("from 2031-01-01 to 2033-12-31").contains("Paid: 60 USD");

        // every CPT renewal is sampled in the system tests: the audit opens with proof due in 30 days
        String auditId = cpt.awaitAuditOf(renewalId).path("auditId").asText();
        JsonNode opened = mailbox.awaitNotice("AUDIT_OPENED");
        assertThat(opened.path("subject").asText()).contains("2030-07-01");
        assertThat(opened.path("text").asText()).contains("Due date: 2030-07-01").contains("/api/v1/audits/" + auditId + "/documents");

        sut.setClockEverywhere(noon("2030-06-24"));
        sut.runJob(PlatformService.NOTIFICATION, "notice-reminders");
        JsonNode reminder = mailbox.awaitNotice("REMINDER_PROOF_DUE");
        assertThat(reminder.path("subject").asText() + reminder.path("text").asText()).contains("2030-07-01");

        JsonNode document = cpt.uploadProof(auditId, "sports-nutrition-certificate.pdf");
        cpt.submit(auditId, List.of(Certificant.item(Certificant.creditTitled(cpt.awaitCredits(1), "Sports nutrition"),
                List.of(document.path("documentId").asText()))));
        mailbox.awaitNotice("AUDIT_PROOF_RECEIVED");
        sut.audit(STAFF, "reviewer").contentType(ContentType.JSON).body(Map.of("outcome", "PASSED", "notes", "certificate checked"))
                .post("/api/v1/audits/{id}/decision", auditId).then().statusCode(200);
        JsonNode passed = mailbox.awaitNotice("AUDIT_PASSED");
        assertThat(passed.path("text").asText()).contains("2033-12-31");

        List<String> kinds = List.of("CERTIFICATION_GRANTED", "RENEWAL_PAYMENT_REQUESTED", "RENEWAL_ACCEPTED", "AUDIT_OPENED",
                "REMINDER_PROOF_DUE", "AUDIT_PROOF_RECEIVED", "AUDIT_PASSED");
        JsonNode listed = mailbox.notices();
        assertThat(listed.path("total").asInt()).isEqualTo(kinds.size());
        assertThat(listed.path("notices").findValuesAsText("kind")).containsExactlyInAnyOrderElementsOf(kinds);
        assertThat(listed.path("notices").findValuesAsText("status")).containsOnly("SENT");
        assertThat(mailbox.messages()).hasSize(kinds.size());

        // replay: every topic again from the beginning to the notification-service
        int allMail = mailbox.everyMessage().size();
        replayEveryTopic(sut.cluster());
        sut.runJob(PlatformService.NOTIFICATION, "notice-sender");
        assertThat(mailbox.notices().path("total").asInt()).as("notices after the replay").isEqualTo(kinds.size());
        assertThat(mailbox.everyMessage()).as("mail after the replay").hasSize(allMail);
    }

    private static void replayEveryTopic(LocalStackCluster cluster) throws Exception {
        try (Admin admin = Admin.create(cluster.kafkaLogins().asOperator())) {
            cluster.stopService(PlatformService.NOTIFICATION);
            for (Map.Entry<String, String> group : GROUPS.entrySet()) {
                resetToEarliest(admin, group.getKey(), group.getValue());
            }
            cluster.startService(PlatformService.NOTIFICATION);
            cluster.awaitReady(PlatformService.NOTIFICATION, READY);
            await("the notification-service to read every topic again").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(lag(admin)).isZero());
        }
    }

    private static void resetToEarliest(Admin admin, String group, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> earliest = offsets(admin, partitions, OffsetSpec.earliest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        // the stopped service's member may take a moment to leave the group
        await("group " + group + " empty").atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            admin.alterConsumerGroupOffsets(group, earliest).all().get();
            return true;
        });
    }

    private static long lag(Admin admin) throws Exception {
        long lag = 0;
        for (String group : GROUPS.keySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> end = offsets(admin, List.copyOf(committed.keySet()), OffsetSpec.latest());
            lag += committed.entrySet().stream().mapToLong(e -> end.get(e.getKey()) - e.getValue().offset()).sum();
        }
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** One person's notices as the notification-service lists them and as the stack's SMTP server received them. */
    static final class Mailbox {

        private final SystemUnderTest sut;
        private final String person;
        private final String email;

        Mailbox(SystemUnderTest sut, String person, String email) {
            this.sut = sut;
            this.person = person;
            this.email = email;
        }

        /** The person's notices (as the person sees them), newest first. */
        JsonNode notices() {
            return Certificant.json(sut.request(PlatformService.NOTIFICATION, CERTIFICANT, person)
                    .get("/api/v1/certificants/{id}/notifications", person).then().statusCode(200).extract().response());
        }

        /** The mail received for the person, oldest first. */
        List<JsonNode> messages() {
            return list(given().queryParam("to", email));
        }

        /** Every mail the SMTP server received. */
        List<JsonNode> everyMessage() {
            return list(given());
        }

        /**
         * Waits until a notice of this kind is recorded, runs the sender (the stack's jobs run on demand), and returns
         * the mail that carries it: to the person, with the notice's subject and its Message-ID.
         */
        JsonNode awaitNotice(String kind) {
            JsonNode notice = await(person + " notice " + kind).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                    .until(() -> ofKind(kind), n -> !n.isMissingNode());
            String messageId = "<notice-" + notice.path("noticeId").asText() + "@notices.cec-platform.org>";
            JsonNode mail = await(person + " mail " + kind).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        sut.runJob(PlatformService.NOTIFICATION, "notice-sender");
                        return messages().stream().filter(m -> m.path("messageId").asText().equals(messageId)).toList();
                    }, found -> !found.isEmpty()).get(0);
            assertThat(mail.path("to").get(0).asText()).isEqualTo(email);
            assertThat(mail.path("subject").asText()).isEqualTo(notice.path("subject").asText());
            assertThat(ofKind(kind).path("status").asText()).isEqualTo("SENT");
            return mail;
        }

        private JsonNode ofKind(String kind) {
            for (JsonNode n : notices().path("notices")) {
                if (n.path("kind").asText().equals(kind)) {
                    return n;
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }

        private List<JsonNode> list(io.restassured.specification.RequestSpecification request) {
            JsonNode all = Certificant.json(request.get(sut.cluster().mailboxUrl()).then().statusCode(200).extract().response());
            return java.util.stream.StreamSupport.stream(all.path("messages").spliterator(), false).toList();
        }
    }
}
