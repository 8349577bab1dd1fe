package org.cecplatform.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cecplatform.notification.application.NoticeQueries;
import org.cecplatform.notification.domain.Notice;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every notice of a person, sent or not, with what it answers. */
@Path("/api/v1/certificants/{certificantId}/notifications")
@Tag(name = "notices", description = "The notices and reminders sent to a person, and whether they get the calendar reminders")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    private final NoticeQueries queries;
    private final Caller caller;

    public NotificationsResource(NoticeQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "listNotices", summary = "A person's notices, newest first (the person or staff): kind, status and when sent, subject,"
            + " text, and the event or reminder each answers")
    public Views.NoticePage list(@PathParam("certificantId") String certificantId, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        caller.requireSelfOr(certificantId, Roles.STAFF);
        Paging paging = Paging.of(page, size);
        NoticeQueries.Page found = queries.ofPerson(certificantId, paging.page(), paging.size());
        return new Views.NoticePage(found.notices().stream().map(NotificationsResource::view).toList(),
                paging.page(), paging.size(), found.total());
    }

    private static Views.NoticeView view(Notice n) {
        return new Views.NoticeView(n.noticeId(), n.kind().name(), n.subject(), n.status().name(), n.createdAt(),
                n.sentAt(), n.attempts(), n.failure(), n.answersEventId(), n.reminderKey(), n.bodyText());
    }
}
