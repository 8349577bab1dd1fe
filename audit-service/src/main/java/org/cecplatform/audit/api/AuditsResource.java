package org.cecplatform.audit.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cecplatform.audit.application.AuditCommands;
import org.cecplatform.audit.application.AuditQueries;
import org.cecplatform.audit.application.DocumentIntake;
import org.cecplatform.audit.application.DocumentReads;
import org.cecplatform.audit.application.Sampler;
import org.cecplatform.audit.domain.audit.AuditState;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.DocumentAccess;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.ProofChannel;
import org.cecplatform.audit.domain.audit.ProofDocument;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.audit.domain.sampling.SamplingPolicy;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.api.Violations;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/audits")
@Tag(name = "audits", description = "Audits of renewals: selection, proof documents, the detailed form, review"
        + " and decision")
@Produces(MediaType.APPLICATION_JSON)
public class AuditsResource {

    private final AuditQueries queries;
    private final AuditCommands commands;
    private final Sampler sampler;
    private final DocumentIntake intake;
    private final DocumentReads reads;
    private final SamplingPolicy sampling;
    private final Caller caller;

    public AuditsResource(AuditQueries queries, AuditCommands commands, Sampler sampler, DocumentIntake intake,
                          DocumentReads reads, SamplingPolicy sampling, Caller caller) {
        this.queries = queries;
        this.commands = commands;
        this.sampler = sampler;
        this.intake = intake;
        this.reads = reads;
        this.sampling = sampling;
        this.caller = caller;
    }

    /** The longest look ahead the queue takes for {@code dueWithin}: a year and a bit. */
    static final int MAX_DUE_WITHIN_DAYS = 400;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "listAudits", summary = "Audits filtered by status, credential level, pool year and"
            + " due within N days (of the service's today, policy zone; missed deadlines included); newest first, or"
            + " sort=dueOn: overdue first, then soonest due; paged, with the count per status")
    public Views.AuditQueuePage list(@QueryParam("status") String status, @QueryParam("credential") String credential,
                                     @QueryParam("year") String year,
                                     @Parameter(description = "days from today, 0 to " + MAX_DUE_WITHIN_DAYS)
                                     @QueryParam("dueWithin") String dueWithin,
                                     @Parameter(description = "newest (default) or dueOn")
                                     @QueryParam("sort") String sort,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        Violations violations = new Violations();
        Paging paging = Paging.of(page, size, violations);
        if (status != null && Arrays.stream(AuditStatus.values()).noneMatch(s -> s.name().equals(status))) {
            violations.add("status", "must be one of " + Arrays.toString(AuditStatus.values()));
        }
        if (credential != null && !sampling.audits(credential)) {
            violations.add("credential", "must be one of " + sampling.levels());
        }
        Integer pool = Paging.wholeNumber(year, null, "year", violations);
        Integer days = Paging.wholeNumber(dueWithin, null, "dueWithin", violations);
        if (days != null && (days < 0 || days > MAX_DUE_WITHIN_DAYS)) {
            violations.add("dueWithin", "must be a number of days from 0 to " + MAX_DUE_WITHIN_DAYS);
        }
        if (sort != null && !sort.equals("newest") && !sort.equals("dueOn")) {
            violations.add("sort", "must be newest or dueOn");
        }
        violations.throwIfAny("The query has invalid parameters.");
        AuditQueries.QueuePage found = queries.queue(new AuditQueries.QueueFilter(status, credential, pool, days,
                "dueOn".equals(sort)), paging.page(), paging.size());
        return Views.queue(found.audits().stream().map(d -> view(d, true)).toList(), paging.page(), paging.size(),
                found.total(), found.today(), found.counts());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "selectForAudit", summary = "Select a renewal for audit by hand (while it is auditable)")
    @APIResponseSchema(value = Views.AuditView.class, responseCode = "201", responseDescription = "the audit opened")
    @APIResponse(responseCode = "409", description = "the renewal is audited already, or no longer auditable")
    public Response selectByHand(@Valid @NotNull Requests.HandSelection request, UriInfo uri) {
        queries.certificantOfRenewal(request.renewalId()).ifPresent(owner -> notOwnAudit(owner, "select by hand"));
        AuditState opened = sampler.selectByHand(request.renewalId(), caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.auditId().toString()).build())
                .entity(details(opened.auditId(), true)).build();
    }

    @GET
    @Path("/{auditId}")
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "getAudit", summary = "One audit: the person sees their own")
    @APIResponseSchema(Views.AuditView.class)
    @APIResponse(responseCode = "404", description = "no such audit")
    public Views.AuditView get(@PathParam("auditId") UUID auditId) {
        ownedOrStaff(auditId, Roles.STAFF, Roles.AUDITOR);
        return details(auditId, seesDraw());
    }

    @POST
    @Path("/{auditId}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "submitAuditForm", summary = "The detailed audit form: each credit with its documents"
            + " (the person's own attestation); staff enter a form the person sent on paper on their behalf, each"
            + " item recorded as entered by them (enteredBy)")
    @APIResponseSchema(Views.AuditView.class)
    @APIResponse(responseCode = "404", description = "no such audit")
    @APIResponse(responseCode = "409", description = "the audit does not take a form now")
    public Views.AuditView submit(@PathParam("auditId") UUID auditId, @Valid @NotNull Requests.Submission request) {
        String person = owner(auditId);
        // The person's own form, or staff entering the paper form the person sent (never their own audit's)
        boolean onBehalf = !(caller.hasRole(Roles.CERTIFICANT) && person.equals(caller.subject()));
        if (onBehalf) {
            if (!caller.hasRole(Roles.STAFF)) {
                caller.requireSelf(person); // 403: someone else's audit
            }
            notOwnAudit(person, "enter the form of");
        }
        List<SubmittedItem> items = request.items().stream().map(i -> new SubmittedItem(i.creditId(), i.title(),
                i.provider(), i.completedOn(), i.cecs(), i.category() == null ? null : i.category().name(),
                i.documentIds())).toList();
        commands.submit(auditId, items, onBehalf ? caller.subject() : null);
        return details(auditId, seesDraw());
    }

    @POST
    @Path("/{auditId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "extendProofDeadline", summary = "Extend the proof deadline once, by at most 30 days,"
            + " with a reason")
    @APIResponseSchema(Views.AuditView.class)
    @APIResponse(responseCode = "404", description = "no such audit")
    @APIResponse(responseCode = "409", description = "extended already, or no longer open")
    public Views.AuditView extend(@PathParam("auditId") UUID auditId,
                                  @Valid @NotNull Requests.ExtensionRequest request) {
        notOwnAudit(owner(auditId), "extend");
        commands.extend(auditId, request.newDueOn(), request.reason(), caller.subject());
        return details(auditId, true);
    }

    @POST
    @Path("/{auditId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "decideAudit", summary = "Decide a submitted audit: PASSED, REMEDIATION or FAILED, item"
            + " by item")
    @APIResponseSchema(Views.AuditView.class)
    @APIResponse(responseCode = "404", description = "no such audit")
    @APIResponse(responseCode = "409", description = "nothing to review, or the audit is closed")
    public Views.AuditView decide(@PathParam("auditId") UUID auditId,
                                  @Valid @NotNull Requests.DecisionRequest request) {
        List<ItemDecision> items = request.items() == null ? null : request.items().stream()
                .map(i -> new ItemDecision(i.itemId(), i.accepted(), i.disallowedReason())).toList();
        notOwnAudit(owner(auditId), "decide");
        commands.decide(auditId, request.outcome(), request.notes(), items, caller.subject());
        return details(auditId, true);
    }

    @POST
    @Path("/{auditId}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF})
    @Operation(operationId = "uploadDocument", summary = "Upload a proof document (part 'file'): PDF, PNG or JPEG by"
            + " content, at most 10 MB, at most 50 per audit")
    @APIResponseSchema(value = DocumentCreated.class, responseCode = "201", responseDescription = "stored")
    @APIResponse(responseCode = "404", description = "no such audit")
    @APIResponse(responseCode = "409", description = "the audit takes no more proof")
    public Response upload(@PathParam("auditId") UUID auditId, @RestForm("file") FileUpload file, UriInfo uri) {
        ownedOrStaff(auditId, Roles.STAFF);
        return store(auditId, file, ProofChannel.ONLINE, uri);
    }

    @POST
    @Path("/{auditId}/documents/received-by-post")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "uploadDocumentReceivedByPost", summary = "Staff upload proof the person sent on paper"
            + " (part 'file', as for uploadDocument): recorded as received by post (receivedBy POST), uploaded by the"
            + " staff member on the person's behalf")
    @APIResponseSchema(value = DocumentCreated.class, responseCode = "201", responseDescription = "stored")
    @APIResponse(responseCode = "404", description = "no such audit")
    @APIResponse(responseCode = "409", description = "the audit takes no more proof")
    public Response uploadReceivedByPost(@PathParam("auditId") UUID auditId, @RestForm("file") FileUpload file,
                                         UriInfo uri) {
        notOwnAudit(owner(auditId), "upload proof by post to");
        return store(auditId, file, ProofChannel.POST, uri);
    }

    private Response store(UUID auditId, FileUpload file, ProofChannel receivedBy, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a multipart part named 'file' is required");
        }
        // The part is in a temporary file already (never in memory): checked, then streamed into the database.
        intake.check(file.size());
        String contentType = intake.sniff(file.uploadedFile());
        ProofDocument stored = intake.store(auditId, file.uploadedFile(), contentType, file.fileName(),
                caller.subject(), receivedBy);
        URI created = uri.getBaseUriBuilder().path(AuditsResource.class).path("{auditId}/documents/{documentId}")
                .build(auditId, stored.documentId());
        return Response.created(created)
                .entity(new DocumentCreated(stored.documentId(), stored.size(), stored.sha256(), stored.contentType(),
                        stored.receivedBy()))
                .build();
    }

    public record DocumentCreated(UUID documentId, long size, String sha256, String contentType,
                                  ProofChannel receivedBy) {
    }

    @GET
    @Path("/{auditId}/documents/{documentId}")
    @Produces({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
    @Operation(operationId = "downloadDocument", summary = "A document's exact bytes, for its owner,"
            + " staff and auditors (inline=true to view it in place);"
            + " each view or download is recorded")
    @APIResponse(responseCode = "200", description = "the document's bytes, as uploaded", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "no such audit, or no such document in it")
    public Response download(@PathParam("auditId") UUID auditId, @PathParam("documentId") UUID documentId,
                             @QueryParam("inline") boolean inline) {
        ownedOrStaff(auditId, Roles.STAFF, Roles.AUDITOR);
        DocumentReads.Action action = inline ? DocumentReads.Action.VIEW : DocumentReads.Action.DOWNLOAD;
        ProofDocument document = reads.open(auditId, documentId, caller.subject(), callerRoles(), action)
                .orElseThrow(() -> ProblemException.notFound("No document " + documentId + " in audit " + auditId + "."));
        // Streamed from the database a chunk at a time: a download never holds the whole document in memory.
        StreamingOutput body = out -> reads.copyTo(documentId, out);
        return Response.ok(body, document.contentType())
                .header("Content-Length", document.size())
                .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + documentId
                        + extension(document) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + document.sha256() + "\"")
                .build();
    }

    @GET
    @Path("/{auditId}/documents/{documentId}/access")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "documentAccessLog",
    summary = "Who viewed or downloaded the document and when (the service's clock), oldest first; staff")
    @APIResponseSchema(Views.DocumentAccessView.class)
    @APIResponse(responseCode = "404", description = "no such document in this audit")
    public Views.DocumentAccessView access(@PathParam("auditId") UUID auditId,
    @PathParam("documentId") UUID documentId) {
        List<DocumentAccess> accesses = reads.accesses(auditId, documentId)
                .orElseThrow(() -> ProblemException.notFound("No document " + documentId + " in audit " + auditId + "."));
        return Views.access(documentId, accesses);
    }

    // ------------------------------------------------------------------

    private String owner(UUID auditId) {
        return queries.state(auditId).map(s -> s.renewal().certificantId())
                .orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
    }

    /**
     * Nobody decides, extends or hand-selects an audit of their own: a staff member or auditor who is also a
     * certificant (their {@code certificantId} claim) gets 403 {@code own-audit}, before anything changes.
     */
    private void notOwnAudit(String auditedCertificant, String action) {
        if (caller.certificantId().filter(auditedCertificant::equals).isPresent()) {
            throw new ProblemException(403, "own-audit", "Own audit", "Nobody may " + action
                    + " an audit of their own (certificant " + auditedCertificant + ").", List.of());
        }
    }

    private void ownedOrStaff(UUID auditId, String... roles) {
        caller.requireSelfOr(owner(auditId), roles);
    }

    /** Staff and auditors see how a random draw was made; the person sees only the reason. */
    private boolean seesDraw() {
        return caller.hasRole(Roles.STAFF) || caller.hasRole(Roles.AUDITOR);
    }

    private Views.AuditView details(UUID auditId, boolean showDraw) {
        return queries.details(auditId).map(d -> view(d, showDraw))
                .orElseThrow(() -> ProblemException.notFound("No audit " + auditId + "."));
    }

    static Views.AuditView view(AuditQueries.AuditDetails d, boolean showDraw) {
        return Views.audit(d.state(), d.verifiedCecs(), d.acceptedCecs(), d.documents(), showDraw);
    }

    private String callerRoles() {
        return String.join(",", Arrays.stream(new String[] {Roles.CERTIFICANT, Roles.STAFF, Roles.AUDITOR})
                .filter(caller::hasRole).toList());
    }

    private static String extension(ProofDocument document) {
        return switch (document.contentType()) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> "";
        };
    }
}
