package org.cecplatform.renewal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.cecplatform.renewal.domain.CertificationConflictException;
import org.cecplatform.renewal.domain.RequirementsUnmetException;
import org.cecplatform.renewal.domain.PaymentReferenceUsedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as RFC 9457 problems: unmet requirements 422 (every one listed), conflicts 409. */
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
    public Response paymentReferenceUsed(PaymentReferenceUsedException e, UriInfo uri) {
        return respond(ProblemException.conflict("payment-reference-used", e.getMessage()
                + "; a payment renews once"), uri);
    }

    private static Response respond(ProblemException problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(uri.getRequestUri().getRawPath())).build();
    }
}
