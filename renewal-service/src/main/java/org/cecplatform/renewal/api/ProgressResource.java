package org.cecplatform.renewal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.application.CertificationQueries;
import org.cecplatform.renewal.application.ProgressQueries;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.CredentialRule;
import org.cecplatform.renewal.domain.RenewalRules;
import org.cecplatform.renewal.domain.RenewalRulesHistory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certifications")
public class ProgressResource {

    private final ProgressQueries progress;
    private final CertificationQueries certifications;
    private final RenewalRulesHistory rules;
    private final Caller caller;

    public ProgressResource(ProgressQueries progress, CertificationQueries certifications, RenewalRulesHistory rules,
                            Caller caller) {
        this.progress = progress;
        this.certifications = certifications;
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Path("/certificants/{certificantId}/certifications/{credential}/progress")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "explainProgress", summary = "A cycle's CECs explained (the current one,"
            + " or ?cycle=N for a past one as its renewal counted"
            + " it): every ledger credit with what it counted and why not (OUTSIDE_WINDOW, CAP_REACHED, VOIDED,"
            + " REMEDIATION_REPLACEMENT, COUNTED_BY_EARLIER_RENEWAL, AFTER_RENEWAL_REQUEST), and the totals required,"
            + " counted and remaining, by category with caps; 404 when the person never held the credential or it has"
            + " no such cycle")
    @APIResponseSchema(ProgressView.class)
    @APIResponse(responseCode = "404", description = "the person never held the credential, or has no such cycle")
    public ProgressView progress(@PathParam("certificantId") String certificantId,
                                 @PathParam("credential") String credential,
                                 @Parameter(description = "the cycle's number (1 = the first after the grant);"
                                         + " default the current cycle")
                                 @QueryParam("cycle") String cycle) {
        caller.requireSelfOr(certificantId, Roles.STAFF, Roles.AUDITOR);
        Integer cycleNumber = cycleNumber(cycle);
        LocalDate today = certifications.today();
        RenewalRules rulesToday = rules.on(today);
        String code = Certificant.normalise(credential);
        if (code == null || !rulesToday.policy().knows(code)) {
            throw ProblemException.invalid("credential", "unknown credential '" + credential + "'; known: "
                    + rulesToday.policy().credentials().stream().map(CredentialRule::code)
                    .collect(Collectors.joining(", ")));
        }
        return progress.explained(certificantId, code, cycleNumber, today)
                .map(explained -> ProgressView.of(certificantId, today, explained, rulesToday.counter().caps()))
                .orElseThrow(() -> ProblemException.notFound(cycleNumber == null
                        ? certificantId + " never held " + code + "."
                        : certificantId + " has no cycle " + cycleNumber + " of " + code + "."));
    }

    /** The cycle asked for: null for the current one; 422 unless a whole number from 1. */
    private static Integer cycleNumber(String cycle) {
        if (cycle == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(cycle);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as a number under 1 is
        }
        throw ProblemException.invalid("cycle", "a cycle number from 1, got '" + cycle + "'");
    }
}
