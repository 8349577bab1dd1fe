package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The renewal-service's certifications of a person, called with the signed-in person's access token. */
@RegisterRestClient(configKey = "renewal")
@RegisterProvider(SignedInToken.class)
@RegisterProvider(ProblemResponses.class)
@Path("/api/v1/certificants/{certificantId}/certifications")
@Produces(MediaType.APPLICATION_JSON)
public interface RenewalApi {

    record Certification(UUID certificationId, String credential, String credentialName, String status,
                         LocalDate cycleStart, LocalDate cycleEnd, BigDecimal cecsRequired, BigDecimal cecsTracked,
                         BigDecimal cecsRemaining, long daysLeft, LocalDate deadline, boolean renewable,
                         String renewalKind, List<String> reasons) {

        /** Tracked CECs as a share of the requirement, 0 to 100 (the progress bar's width). */
        public int percent() {
            if (cecsRequired == null || cecsRequired.signum() <= 0 || cecsTracked == null) {
                return 0;
            }
            return Math.min(100, cecsTracked.multiply(BigDecimal.valueOf(100))
                    .divide(cecsRequired, 0, java.math.RoundingMode.DOWN).intValue());
        }
    }

    record Certifications(String certificantId, LocalDate asOf, List<Certification> certifications) {
    }

    @GET
    Certifications certifications(@PathParam("certificantId") String certificantId);
}
