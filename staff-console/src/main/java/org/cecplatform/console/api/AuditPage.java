package org.cecplatform.console.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.cecplatform.console.application.AuditApi;
import org.cecplatform.console.application.AuditReview;
import org.cecplatform.console.application.DocumentPreviews;
import org.cecplatform.console.application.ServiceProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * One audit: the renewal under audit, the requirement against the accepted CECs, the items with their documents
 * (previewed as images), and the forms of the work on it: the decision with a verdict per item, the one extension, proof
 * received by post. A refused form comes back with the service's words next to the field and what was typed kept.
 */
@Path("/audits/{auditId}")
@Tag(name = "Console pages")
@RolesAllowed({Roles.STAFF, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    /**
     * What was typed in the decision form (the outcome, the notes, per undecided item its verdict and reason) and the
     * service's words about each item, if it refused.
     */
    public record DecisionForm(String outcome, String notes, Map<UUID, Boolean> disallowed, Map<UUID, String> reasons,
                               Map<UUID, String> itemErrors) {

        static DecisionForm empty() {
            return new DecisionForm("", "", Map.of(), Map.of(), Map.of());
        }

        DecisionForm withItemErrors(Map<UUID, String> errors) {
            return new DecisionForm(outcome, notes, disallowed, reasons, errors);
        }

        /** The refusal about this item, or null. */
        public String error(UUID itemId) {
            return itemErrors.get(itemId);
        }

        public boolean isDisallowed(UUID itemId) {
            return Boolean.TRUE.equals(disallowed.get(itemId));
        }

        public String reason(UUID itemId) {
            return reasons.getOrDefault(itemId, "");
        }
    }

    /** What was typed in the extension form. */
    public record ExtensionForm(String newDueOn, String reason) {
    }

    /** The audit with what the page derives from it. */
    public record View(AuditApi.AuditDetails audit, Map<UUID, AuditApi.Document> documents, int percent) {

        public AuditApi.Document document(UUID documentId) {
            return documents.get(documentId);
        }

        public boolean decidable() {
            return "SUBMITTED".equals(audit.status());
        }

        public boolean extendable() {
            return "OPEN".equals(audit.status()) && !audit.extended();
        }

        public boolean takesProof() {
            return List.of("OPEN", "REMEDIATION", "OVERDUE").contains(audit.status());
        }

        public List<AuditApi.Item> undecided() {
            return audit.items().stream().filter(i -> i.accepted() == null).toList();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(SignedIn user, View view, DecisionForm decision, ExtensionForm extension,
                                             Map<String, String> errors);

        static native TemplateInstance unavailable(SignedIn user, UUID auditId, ServiceProblem problem);

        static native TemplateInstance document(SignedIn user, UUID auditId, AuditApi.Document document, int pages,
                                                List<Integer> shown);
    }

    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

    private final AuditReview review;
    private final DocumentPreviews previews;
    private final SignedIn user;

    public AuditPage(AuditReview review, DocumentPreviews previews, SignedIn user) {
        this.review = review;
        this.previews = previews;
        this.user = user;
    }

    @GET
    @Operation(summary = "One audit: the renewal, the requirement, the items and documents, and the forms of the work")
    public Response audit(@PathParam("auditId") UUID auditId) {
        try {
            return Response.ok(page(auditId, DecisionForm.empty(), new ExtensionForm("", ""), Map.of())).build();
        } catch (ServiceProblem refused) {
            // no such audit (404), or not for this person's rights: the service's words, with the way back
            return Response.status(refused.status()).entity(Templates.unavailable(user, auditId, refused)).build();
        }
    }

    @GET
    @Path("documents/{documentId}")
    @Operation(summary = "Every page of a proof document, one image each (the first " + DocumentPreviews.MAX_PAGES
            + " pages of a longer one)")
    public Response document(@PathParam("auditId") UUID auditId, @PathParam("documentId") UUID documentId) {
        try {
            AuditApi.Document document = review.audit(auditId).documents().stream()
                    .filter(d -> d.documentId().equals(documentId)).findFirst()
                    .orElseThrow(() -> new ServiceProblem(404, "Not found",
                            "No document " + documentId + " in audit " + auditId + ".", List.of()));
            int pages = previews.pageCount(auditId, documentId);
            List<Integer> shown = IntStream.rangeClosed(1, Math.min(pages, DocumentPreviews.MAX_PAGES)).boxed().toList();
            return Response.ok(Templates.document(user, auditId, document, pages, shown)).build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).entity(Templates.unavailable(user, auditId, refused)).build();
        } catch (DocumentPreviews.NoSuchPage none) {
            return Response.status(Response.Status.NOT_FOUND).entity(Templates.unavailable(user, auditId,
                    new ServiceProblem(404, "Not previewed", none.getMessage(), List.of()))).build();
        }
    }

    @GET
    @Path("documents/{documentId}/pages/{page}")
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "A page of a proof document as an image (a PDF page rendered to PNG; an image as it is)")
    public Response documentPage(@PathParam("auditId") UUID auditId, @PathParam("documentId") UUID documentId,
                                 @PathParam("page") int page) {
        DocumentPreviews.Preview preview;
        try {
            preview = previews.page(auditId, documentId, page);
        } catch (DocumentPreviews.NoSuchPage none) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity(none.getMessage())
                    .build();
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).type(MediaType.TEXT_PLAIN).entity(refused.detail()).build();
        }
        // Served as an image only: nothing in it may run, load or be sniffed into something else; never cached.
        return Response.ok(preview.bytes(), preview.contentType())
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("X-Document-Pages", preview.pages())
                .build();
    }

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Decide the audit: a verdict per item (disallowed with a reason), PASSED, REMEDIATION or FAILED")
    public Response decide(@PathParam("auditId") UUID auditId, MultivaluedMap<String, String> form) {
        AuditApi.AuditDetails audit = review.audit(auditId);
        Map<UUID, Boolean> disallowed = new LinkedHashMap<>();
        Map<UUID, String> reasons = new HashMap<>();
        List<AuditApi.ItemVerdict> verdicts = new ArrayList<>();
        for (AuditApi.Item item : audit.items()) {
            if (item.accepted() != null) {
                continue; // verified and earlier decided items keep their verdict
            }
            boolean no = "disallow".equals(form.getFirst("verdict-" + item.itemId()));
            String reason = orEmpty(form.getFirst("reason-" + item.itemId()));
            disallowed.put(item.itemId(), no);
            reasons.put(item.itemId(), reason);
            verdicts.add(new AuditApi.ItemVerdict(item.itemId(), !no, no ? reason : null));
        }
        DecisionForm typed = new DecisionForm(orEmpty(form.getFirst("outcome")), orEmpty(form.getFirst("notes")),
                disallowed, reasons, Map.of());
        try {
            review.decide(auditId, typed.outcome(), typed.notes(), verdicts);
        } catch (ServiceProblem refused) {
            Map<UUID, String> itemErrors = new HashMap<>();
            Map<String, String> errors = decisionErrors(refused, verdicts, itemErrors);
            return Response.status(refused.status())
                    .entity(page(auditId, typed.withItemErrors(itemErrors), new ExtensionForm("", ""), errors)).build();
        }
        return backTo(auditId, "decision");
    }

    @POST
    @Path("extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Extend the proof deadline once, with a reason (staff)")
    public Response extend(@PathParam("auditId") UUID auditId, @RestForm String newDueOn, @RestForm String reason) {
        ExtensionForm typed = new ExtensionForm(orEmpty(newDueOn), orEmpty(reason));
        LocalDate day;
        try {
            day = LocalDate.parse(typed.newDueOn());
        } catch (DateTimeParseException e) {
            return Response.status(422).entity(page(auditId, DecisionForm.empty(), typed,
                    Map.of("extension.newDueOn", "must be a date, e.g. 2026-12-31"))).build();
        }
        try {
            review.extend(auditId, day, typed.reason());
        } catch (ServiceProblem refused) {
            Map<String, String> errors = new HashMap<>();
            refused.byField().forEach((field, message) -> errors.put("extension." + field, message));
            if (errors.isEmpty()) {
                errors.put("extension.form", refused.detail());
            }
            return Response.status(refused.status()).entity(page(auditId, DecisionForm.empty(), typed, errors))
                    .build();
        }
        return backTo(auditId, "extension");
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Upload proof that arrived by post, on the person's behalf (staff)")
    public Response uploadByPost(@PathParam("auditId") UUID auditId, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(422).entity(page(auditId, DecisionForm.empty(), new ExtensionForm("", ""),
                    Map.of("upload.file", "choose the scanned proof (PDF, PNG or JPEG)"))).build();
        }
        try {
            review.uploadReceivedByPost(auditId, file.uploadedFile(), file.fileName(), file.contentType());
        } catch (ServiceProblem refused) {
            return Response.status(refused.status()).entity(page(auditId, DecisionForm.empty(),
                    new ExtensionForm("", ""), Map.of("upload.file", refused.byField()
                            .getOrDefault("file", refused.detail())))).build();
        }
        return backTo(auditId, "documents");
    }

    // ------------------------------------------------------------------

    private TemplateInstance page(UUID auditId, DecisionForm decision, ExtensionForm extension,
                                  Map<String, String> errors) {
        AuditApi.AuditDetails audit = review.audit(auditId);
        Map<UUID, AuditApi.Document> documents = audit.documents().stream()
                .collect(Collectors.toMap(AuditApi.Document::documentId, Function.identity()));
        return Templates.audit(user, new View(audit, documents, percent(audit)), decision, extension, errors);
    }

    private static int percent(AuditApi.AuditDetails audit) {
        if (audit.requiredCecs() == null || audit.requiredCecs().signum() <= 0 || audit.acceptedCecs() == null) {
            return 0;
        }
        return audit.acceptedCecs().multiply(BigDecimal.valueOf(100))
                .divide(audit.requiredCecs(), 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
    }

    /**
     * The service's violations under the decision form's fields: items[i].x goes to the i-th verdict sent (into
     * {@code itemErrors}), anything not about a field at the top of the form.
     */
    private static Map<String, String> decisionErrors(ServiceProblem refused, List<AuditApi.ItemVerdict> verdicts,
                                                      Map<UUID, String> itemErrors) {
        Map<String, String> errors = new HashMap<>();
        List<String> general = new ArrayList<>();
        for (ServiceProblem.Violation v : refused.violations()) {
            Matcher item = ITEM_FIELD.matcher(v.field() == null ? "" : v.field());
            if (item.matches() && Integer.parseInt(item.group(1)) < verdicts.size()) {
                itemErrors.merge(verdicts.get(Integer.parseInt(item.group(1))).itemId(), v.message(),
                        (a, b) -> a + "; " + b);
            } else if ("outcome".equals(v.field()) || "notes".equals(v.field())) {
                errors.merge("decision." + v.field(), v.message(), (a, b) -> a + "; " + b);
            } else {
                general.add(v.message());
            }
        }
        errors.put("decision.form", refused.detail() + (general.isEmpty() ? "" : " " + String.join("; ", general)));
        return errors;
    }

    private static Response backTo(UUID auditId, String section) {
        // Post/redirect/get: a reload does not post again
        URI audit = UriBuilder.fromResource(AuditPage.class).fragment(section).build(auditId);
        return Response.seeOther(audit).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
