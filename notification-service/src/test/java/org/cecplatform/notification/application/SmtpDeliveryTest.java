package org.cecplatform.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.vertx.ext.mail.SMTPException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the SMTP server answered decides whether a notice is retried: 5xx never, 4xx and no answer later. */
class SmtpDeliveryTest {

    @Test
    void anAcceptedMailCarriesTheNoticesMessageId() {
        List<Mail> sent = new ArrayList<>();
        SmtpDelivery delivery = new SmtpDelivery(mails -> sent.addAll(List.of(mails)));
        SmtpDelivery.Result result = delivery.send("ana@example.org", "Subject", "Text", "<notice-1@example.org>");
        assertThat(result.outcome()).isEqualTo(SmtpDelivery.Outcome.ACCEPTED);
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly("ana@example.org");
            assertThat(mail.getHeaders().get("Message-ID")).containsExactly("<notice-1@example.org>");
        });
    }

    @Test
    void aPermanentRefusalIsNotRetried() {
        SmtpDelivery delivery = failingWith(new SMTPException("550 5.1.1 no such user", 550, List.of("no such user"), false));
        SmtpDelivery.Result result = delivery.send("gone@example.org", "S", "T", "<m@x>");
        assertThat(result.outcome()).isEqualTo(SmtpDelivery.Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).startsWith("SMTP 550");
    }

    @Test
    void aTemporaryRefusalOrNoServerIsRetried() {
        SmtpDelivery busy = failingWith(new SMTPException("451 try later", 451, List.of("try later"), false));
        assertThat(busy.send("a@example.org", "S", "T", "<m@x>").outcome())
                .isEqualTo(SmtpDelivery.Outcome.TEMPORARY_FAILURE);
        SmtpDelivery away = failingWith(new IllegalStateException("connection refused"));
        SmtpDelivery.Result result = away.send("a@example.org", "S", "T", "<m@x>");
        assertThat(result.outcome()).isEqualTo(SmtpDelivery.Outcome.TEMPORARY_FAILURE);
        assertThat(result.detail()).contains("connection refused");
    }

    private static SmtpDelivery failingWith(Throwable failure) {
        return new SmtpDelivery(mails -> {
            // The Mailer wraps what Vert.x reports: the SMTP reply is found in the causes.
            throw new RuntimeException("sending failed", failure);
        });
    }
}
