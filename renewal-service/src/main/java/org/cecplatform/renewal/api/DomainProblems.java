package org.cecplatform.renewal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.renewal.application.IdempotencyKeyReusedException;
import org.cecplatform.renewal.application.PaymentSignatureRefusedException;
import org.cecplatform.renewal.domain.CertificationConflictException;
import org.cecplatform.renewal.domain.RequirementsUnmetException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The domain's and the application's refusals as RFC 9457 problems: unmet requirements 422 (every one listed),
 * conflicts 409, an {@code Idempotency-Key} reused for another request 422, a payment notification's signature
 * refused 400.
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response unmet(RequirementsUnmetException e, UriInfo uri) {
        return respond(ProblemException.rule("requirements-unmet", "Requirements not met", e.getMessage(),
                e.violations().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(CertificationConflictException e, UriInfo uri) {
        return respond(ProblemException.conflict(e.slug(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return respond(ProblemException.rule("idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                List.of(new Problem.Violation("Idempotency-Key", "was used before with a different request"))), uri);
    }

    @ServerExceptionMapper
    public Response signatureRefused(PaymentSignatureRefusedException e, UriInfo uri) {
        return respond(new ProblemException(400, "invalid-signature", "Payment signature refused", e.getMessage(),
                List.of()), uri);
    }

    private static Response respond(ProblemException problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(uri.getRequestUri().getRawPath())).build();
    }
}
