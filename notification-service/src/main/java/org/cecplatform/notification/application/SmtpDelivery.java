package org.cecplatform.notification.application;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands one e-mail to the SMTP server (Quarkus Mailer) and says how it went: accepted, refused for good (the server
 * answered 5xx: retrying would not help) or failed for now (4xx, connection, timeout: worth another try).
 */
@ApplicationScoped
public class SmtpDelivery {

    /** How a delivery went; {@code detail} says why when it did not. */
    public enum Outcome { ACCEPTED, PERMANENT_FAILURE, TEMPORARY_FAILURE }

    public record Result(Outcome outcome, String detail) {
    }

    private final Mailer mailer;

    public SmtpDelivery(Mailer mailer) {
        this.mailer = mailer;
    }

    public Result send(String to, String subject, String text, String messageId) {
        Mail mail = Mail.withText(to, subject, text).addHeader("Message-ID", messageId);
        try {
            mailer.send(mail);
            return new Result(Outcome.ACCEPTED, null);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpReplyIn(e);
            if (smtp != null && smtp.isPermanent()) {
                return new Result(Outcome.PERMANENT_FAILURE, "SMTP " + smtp.getReplyCode() + ": " + smtp.getMessage());
            }
            return new Result(Outcome.TEMPORARY_FAILURE, smtp != null ? "SMTP " + smtp.getReplyCode() + ": "
                    + smtp.getMessage() : String.valueOf(rootOf(e)));
        }
    }

    private static SMTPException smtpReplyIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
