package org.cecplatform.audit.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cecplatform.audit.domain.audit.AuditRuleException;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A command the audit refuses: 409 when its state does not allow it, 422 listing every broken rule. */
public class AuditRuleMapper {

    @ServerExceptionMapper
    public Response refused(AuditRuleException e, UriInfo uri) {
        ProblemException problem = e.kind() == AuditRuleException.Kind.CONFLICT
                ? ProblemException.conflict(e.slug(), e.getMessage())
                : ProblemException.rule(e.slug(), "Rule violated", e.getMessage(), e.violations().stream()
                        .map(v -> new Problem.Violation(v.field(), v.message())).toList());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem(uri.getRequestUri().getRawPath())).build();
    }
}
