package org.cecplatform.notification.application;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * renewal-service's certifications of a person, as the reminders read them: the CECs still missing come from there,
 * never recomputed here. Called with the service's own token (OAuth2 client credentials, role {@code notifier}).
 */
@RegisterRestClient(configKey = "renewal-service")
@OidcClientFilter
@Path("/api/v1/certificants/{id}/certifications")
public interface RenewalCertifications {

    /** The part of the answer the reminders use (a tolerant reader: other fields are ignored). */
    record Answer(List<Certification> certifications) {
    }

    record Certification(String credential, String status, LocalDate cycleEnd, BigDecimal cecsRequired,
                         BigDecimal cecsRemaining) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Answer of(@PathParam("id") String certificantId);
}
