package org.cecplatform.renewal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cecplatform.platform.api.Paging;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.platform.security.Roles;
import org.cecplatform.renewal.application.Page;
import org.cecplatform.renewal.application.PaymentConfirmations;
import org.cecplatform.renewal.application.RenewalQueries;
import org.cecplatform.renewal.application.WebhookSignatures;
import org.cecplatform.renewal.domain.PaymentNotice;
import org.cecplatform.renewal.domain.PaymentOutcome;
import org.cecplatform.renewal.domain.UnmatchedPayment;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The payment provider's webhook, and the money it sent that matched no renewal (for staff to refund). */
@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments", description = "The payment provider's signed webhook, and payments that renewed nothing")
public class PaymentResource {

    /** Longest provider event id, reference and status accepted (the provider's are far shorter). */
    static final int MAX_TEXT = 200;

    /** The provider's notification, as sent; more fields are welcome and ignored. */
    public record NoticeBody(String eventId, String status, String reference, BigDecimal amount, String currency) {
    }

    public record OutcomeView(String eventId, String outcome, @Schema(nullable = true) UUID renewalId,
    @Schema(nullable = true) String reason) {
    }

    public record UnmatchedView(String eventId, Instant receivedAt, @Schema(nullable = true) String reference,
    @Schema(nullable = true) BigDecimal amount,
                                @Schema(nullable = true) String currency, @Schema(nullable = true) UUID renewalId,
                                String reason) {
    }

    public record UnmatchedPage(int page, int size, long totalItems, List<UnmatchedView> payments) {
    }

    private final WebhookSignatures signatures;
    private final PaymentConfirmations confirmations;
    private final RenewalQueries queries;
    private final ObjectReader notices;

    public PaymentResource(WebhookSignatures signatures, PaymentConfirmations confirmations, RenewalQueries queries,
                           ObjectMapper json) {
        this.signatures = signatures;
        this.confirmations = confirmations;
        this.queries = queries;
        this.notices = json.readerFor(NoticeBody.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @POST
    @Path("/webhook")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receivePaymentNotification", summary = "The payment provider's notification of a"
            + " payment, signed (Payment-Signature: t=<unix>,"
            + "v1=<HMAC-SHA256 hex of t.body>). 200 with what it did: RENEWED (it completed its renewal), UNMATCHED"
            + " (kept for staff to refund, with the reason), NOT_PAID (not a successful payment). The same provider"
            + " event id again answers the same, changing nothing. 400 for a missing, wrong or stale signature"
            + " (nothing recorded)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeBody.class)))
    @APIResponseSchema(value = OutcomeView.class, responseDescription = "what the notification did")
    @APIResponse(responseCode = "400", description = "a missing, wrong or stale signature, or not a notification;"
            + " nothing recorded")
    public OutcomeView webhook(@HeaderParam(WebhookSignatures.HEADER) String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signatures.verify(signature, raw);
        PaymentNotice notice = read(raw);
        PaymentOutcome outcome = confirmations.confirm(notice, new String(raw, StandardCharsets.UTF_8));
        return new OutcomeView(outcome.eventId(), outcome.outcome().name(), outcome.renewalId(), outcome.reason());
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "listUnmatchedPayments",
    summary = "Genuine payments that renewed nothing (unknown reference, wrong amount or currency, renewal"
            + " expired or already paid), newest first, each with the reason: money to refund (page from 0, size"
            + " 1..500, default 50)")
    public UnmatchedPage unmatched(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        Page<UnmatchedPayment> found = queries.unmatchedPayments(paging.page(), paging.size());
        return new UnmatchedPage(paging.page(), paging.size(), found.total(), found.items().stream()
                .map(u -> new UnmatchedView(u.eventId(), u.receivedAt(), u.reference(), Views.money(u.amount()),
                        u.currency(), u.renewalId(), u.reason())).toList());
    }

    /** A signed body that is not a notification we can read is refused too: the provider sends it again, fixed. */
    private PaymentNotice read(byte[] raw) {
        NoticeBody body;
        try {
            body = notices.readValue(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON",
                    "not a payment notification: a JSON object is expected", List.of());
        }
        List<Problem.Violation> violations = new ArrayList<>();
        required("eventId", body.eventId(), violations);
        required("status", body.status(), violations);
        if (PaymentNotice.SUCCEEDED.equals(body.status())) {
            required("reference", body.reference(), violations);
            required("currency", body.currency(), violations);
            if (body.amount() == null) {
                violations.add(new Problem.Violation("amount", "is required for a successful payment"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The payment notification is incomplete.", violations);
        }
        return new PaymentNotice(body.eventId(), body.status(), body.reference(), body.amount(), body.currency());
    }

    private static void required(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Problem.Violation(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new Problem.Violation(field, "at most " + MAX_TEXT + " characters"));
        }
    }
}
