package org.cecplatform.console.api;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.cecplatform.console.application.People;
import org.cecplatform.console.application.PersonFile;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A person's file: certifications with CECs by category, renewals, audits, credits, contact and notices, now or as of
 * a past day; staff void a credit, grant a certification and set the contact address here.
 */
@Path("/people")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class PersonPage {

    /** A refused void: which credit, the service's problem, and what was typed (kept in the field). */
    public record VoidRefusal(UUID creditId, String reason, ServiceProblem problem) {

        public boolean isFor(UUID credit) {
            return creditId.equals(credit);
        }

        public String fieldError(String field) {
            return problem.byField().get(field);
        }
    }

    /** The page's forms as typed, with the services' refusals; a form not used is {@link Form#EMPTY}. */
    public record Forms(Form asOf, Form grant, Form contact, Form credit, VoidRefusal refusal) {

        static final Forms NONE = new Forms(Form.EMPTY, Form.EMPTY, Form.EMPTY, Form.EMPTY, null);

        /** Whether the void of this credit was just refused (its field then shows the refusal). */
        public boolean voidRefused(UUID creditId) {
            return refusal != null && refusal.isFor(creditId);
        }
    }

    /** The choices of the record-a-credit form: the ledger's provider kinds, categories and units. */
    static final List<String> PROVIDER_KINDS = List.of("ACSM_APPROVED_PROVIDER", "SPONSORING_ORGANIZATION",
            "MAJOR_FITNESS_ORGANIZATION", "ACCREDITED_COLLEGE");
    static final List<String> CATEGORIES = List.of("GENERAL", "COLLEGE_COURSE", "COMMITTEE_SERVICE", "CPR_AED_FIRST_AID",
            "PUBLICATION", "PRESENTATION");
    static final List<String> UNITS = List.of("CEC", "CME", "CONTACT_HOUR", "CEU", "COLLEGE_CREDIT_HOUR");

    /** The lists a page's select fields offer: the credentials staff may grant are the policy's, as the queue's. */
    public record Choices(List<String> credentials, List<String> providerKinds, List<String> categories,
                          List<String> units) {
    }

    static final Choices CHOICES = new Choices(AuditQueuePage.LEVELS, PROVIDER_KINDS, CATEGORIES, UNITS);


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance person(SignedIn user, PersonFile person, Forms forms, Choices choices);
    }

    private final People people;
    private final SignedIn user;

    public PersonPage(People people, SignedIn user) {
        this.people = people;
        this.user = user;
    }

    @GET
    @Path("{certificantId}")
    @Operation(summary = "A person's file (certifications with CECs by category, renewals, audits, credits, contact,"
            + " notices); with asOf=YYYY-MM-DD the certifications and audits as they stood at the end of that day")
    public Response person(@PathParam("certificantId") String certificantId, @QueryParam("asOf") String asOf) {
        try {
            if (asOf == null || asOf.isBlank()) {
                return page(200, people.file(certificantId), Forms.NONE);
            }
            Form day = Form.of(values("asOf", asOf));
            try {
                return page(200, people.fileAsOf(certificantId, asOf.trim()), new Forms(day, Form.EMPTY, Form.EMPTY, Form.EMPTY, null));
            } catch (ServiceProblem refused) {
                if (!refused.byField().containsKey("asOf")) {
                    throw refused;
                }
                // the day is refused (after today, not a date): the file as it stands, the service's words by the field
                return page(refused.status(), people.file(certificantId),
                        new Forms(Form.refused(day.values(), refused, "asOf"), Form.EMPTY, Form.EMPTY, Form.EMPTY,
                                null));
            }
        } catch (ServiceProblem refused) {
            // e.g. an id that breaks the rule: back to the lookup, the service's words next to the field
            String message = refused.byField().getOrDefault("certificantId", refused.detail());
            return Response.status(refused.status())
                    .entity(HomePage.Templates.home(user, certificantId, Map.of("certificantId", message))).build();
        }
    }

    @POST
    @Path("{certificantId}/credits/{creditId}/void")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Void a credit with a reason (staff)")
    public Response voidCredit(@PathParam("certificantId") String certificantId, @PathParam("creditId") UUID creditId,
                               @FormParam("reason") String reason) {
        try {
            people.voidCredit(certificantId, creditId, reason == null ? "" : reason);
        } catch (ServiceProblem refused) {
            VoidRefusal refusal = new VoidRefusal(creditId, reason, refused);
            return page(refused.status(), people.file(certificantId),
                    new Forms(Form.EMPTY, Form.EMPTY, Form.EMPTY, Form.EMPTY, refusal));
        }
        return backTo(certificantId, "credit-" + creditId);
    }

    @POST
    @Path("{certificantId}/credits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Record a credit on the person's behalf (staff; the ledger records it as STAFF_ENTERED)")
    public Response recordCredit(@PathParam("certificantId") String certificantId, @FormParam("title") String title,
                                 @FormParam("provider") String provider, @FormParam("providerKind") String providerKind,
                                 @FormParam("category") String category, @FormParam("completedOn") String completedOn,
                                 @FormParam("amount") String amount, @FormParam("unit") String unit,
                                 @FormParam("grade") String grade, @FormParam("inScope") String inScope) {
        Map<String, String> typed = values("title", title, "provider", provider, "providerKind", providerKind,
                "category", category, "completedOn", completedOn, "amount", amount, "unit", unit, "grade", grade,
                "inScope", inScope);
        UUID recorded;
        try {
            recorded = people.recordCredit(certificantId, typed);
        } catch (ServiceProblem refused) {
            return page(refused.status(), people.file(certificantId),
                    new Forms(Form.EMPTY, Form.EMPTY, Form.EMPTY, Form.refused(typed, refused, "title"), null));
        }
        return backTo(certificantId, "credit-" + recorded);
    }

    @POST
    @Path("{certificantId}/certifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Grant a certification (staff): credential, certified on (blank: today)")
    public Response grant(@PathParam("certificantId") String certificantId, @FormParam("credential") String credential,
                          @FormParam("certifiedOn") String certifiedOn) {
        try {
            people.grant(certificantId, credential, certifiedOn);
        } catch (ServiceProblem refused) {
            Form typed = Form.refused(values("credential", credential, "certifiedOn", certifiedOn), refused, "credential");
            return page(refused.status(), people.file(certificantId), new Forms(Form.EMPTY, typed, Form.EMPTY, Form.EMPTY, null));
        }
        return backTo(certificantId, "certification-" + credential.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @POST
    @Path("{certificantId}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Set the person's contact address for notices (staff)")
    public Response setContact(@PathParam("certificantId") String certificantId, @FormParam("email") String email) {
        try {
            people.setContact(certificantId, email == null ? "" : email.trim());
        } catch (ServiceProblem refused) {
            Form typed = Form.refused(values("email", email), refused, "email");
            return page(refused.status(), people.file(certificantId), new Forms(Form.EMPTY, Form.EMPTY, typed, Form.EMPTY, null));
        }
        return backTo(certificantId, "contact");
    }

    private Response page(int status, PersonFile file, Forms forms) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.person(user, file, forms, CHOICES)).build();
    }

    /** Post/redirect/get: a reload does not post again. */
    private static Response backTo(String certificantId, String fragment) {
        URI person = UriBuilder.fromResource(PersonPage.class).path("{id}").fragment(fragment).build(certificantId);
        return Response.seeOther(person).build();
    }

    /** Field names and what was typed (null as blank), in pairs. */
    private static Map<String, String> values(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return values;
    }
}
