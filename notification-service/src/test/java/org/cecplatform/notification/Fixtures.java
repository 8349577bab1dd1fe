package org.cecplatform.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.TestKafka;
import org.cecplatform.testsupport.TestTokens;

/** What the notification tests share: people, events on the topics, the API, and the SMTP server's mailbox. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    static String person() {
        return "N-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String emailOf(String person) {
        return person.toLowerCase() + "@example.org";
    }

    /** Produces a binary-mode CloudEvent as the topic's owner does; returns its event id. */
    static String send(String topic, String type, String person, Object payload) {
        return send(topic, type, person, payload, UUID.randomUUID().toString(),
                Topics.ownerSource(topic).orElseThrow());
    }

    static String send(String topic, String type, String person, Object payload, String eventId, String source) {
        TestKafka.send(topic, person, payload instanceof String text ? text : json(payload),
                TestKafka.cloudEventHeaders(eventId, type, source, person));
        return eventId;
    }

    static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void setContact(String person, String email) {
        given().auth().oauth2(TestTokens.certificant(person)).contentType(ContentType.JSON)
                .body(Map.of("email", email))
                .put("/api/v1/certificants/{id}/contact", person).then().statusCode(200);
    }

    /** The person's notices (as staff sees them), newest first. */
    static JsonPath notices(String person) {
        return given().auth().oauth2(TestTokens.staff())
                .get("/api/v1/certificants/{id}/notifications", person).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the person has {@code count} notices recorded. */
    static JsonPath awaitNotices(String person, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(person).getInt("total") >= count);
        return notices(person);
    }

    /** Runs the sender now, as staff would (POST /api/v1/admin/jobs/notice-sender). */
    static void runSender() {
        given().auth().oauth2(TestTokens.staff()).post("/api/v1/admin/jobs/notice-sender").then().statusCode(200);
    }

    /** The mail the SMTP server received for {@code address}. */
    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(GreenMailTestResource.server().getReceivedMessages())
                .filter(m -> recipients(m).contains(address)).toList();
    }

    static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
