package org.cecplatform.console.application;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The dead-letter API every service has (the platform's DeadLettersResource), called with the signed-in person's
 * access token; {@link DeadLetterDesk} builds one client per service.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public interface DeadLetterApi {

    /** How the page shows the services' instants: to the second, in UTC like the services record them. */
    DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    record Message(String encoding, String text, int sizeBytes, boolean truncated) {

        public boolean isBase64() {
            return "base64".equals(encoding);
        }
    }

    record Requeue(Instant requeuedAt, String requeuedBy, String outcome, String reason) {

        public String when() {
            return SHOWN.format(requeuedAt);
        }
    }

    record DeadLetter(long id, Instant deadLetteredAt, String consumer, String topic, int partition, long offset,
                      String key, String reason, String cause, Message message, List<Requeue> requeues,
                      boolean requeueable) {

        public String when() {
            return SHOWN.format(deadLetteredAt);
        }

        /** The failure's class without its package: the reason says the rest. */
        public String causeName() {
            return cause == null ? "" : cause.substring(cause.lastIndexOf('.') + 1);
        }

        /** The newest requeue, or null when nobody requeued it yet. */
        public Requeue lastRequeue() {
            return requeues == null || requeues.isEmpty() ? null : requeues.get(requeues.size() - 1);
        }
    }

    record DeadLetterPage(List<DeadLetter> deadLetters, int page, int size, long totalItems) {
    }

    @GET
    DeadLetterPage list(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("{id}/requeue")
    DeadLetter requeue(@PathParam("id") long id);
}
