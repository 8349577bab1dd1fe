package org.cecplatform.console.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The notification-service's contact address and notices of a person (staff only: the service answers an auditor
 * 403), called with the signed-in person's access token.
 */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/certificants/{certificantId}")
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    record Contact(String certificantId, String email) {
    }

    record ContactRequest(String email) {
    }

    /** A notice: what about, and whether and when it was sent (or why not). */
    record Notice(UUID noticeId, String kind, String subject, String status, Instant createdAt, Instant sentAt,
                  String failure) {

        public String created() {
            return UtcTime.shown(createdAt);
        }

        public String sent() {
            return UtcTime.shown(sentAt);
        }
    }

    record NoticePage(List<Notice> notices, int page, int size, long total) {
    }

    /** 404 when no address is set. */
    @GET
    @Path("contact")
    Contact contact(@PathParam("certificantId") String certificantId);

    @PUT
    @Path("contact")
    @Consumes(MediaType.APPLICATION_JSON)
    Contact setContact(@PathParam("certificantId") String certificantId, ContactRequest request);

    /** Newest first. */
    @GET
    @Path("notifications")
    NoticePage notices(@PathParam("certificantId") String certificantId, @QueryParam("page") int page,
                       @QueryParam("size") int size);
}
