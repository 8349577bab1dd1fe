package org.cecplatform.ledger.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cecplatform.ledger.application.CreditNotFoundException;
import org.cecplatform.ledger.application.IdempotencyKeyReusedException;
import org.cecplatform.ledger.domain.CreditAlreadyVoidedException;
import org.cecplatform.ledger.domain.InvalidCreditException;
import org.cecplatform.ledger.domain.RuleViolation;
import org.cecplatform.platform.api.Problem;
import org.cecplatform.platform.api.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The ledger's own failures as RFC 9457 problems (the platform maps everything else). */
public class LedgerProblems {

    @ServerExceptionMapper
    public Response invalid(InvalidCreditException e, UriInfo uri) {
        return respond(ProblemException.invalid("The credit was not recorded: " + summary(e.violations()),
                e.violations().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList()), uri);
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return respond(ProblemException.rule("idempotency-key-reused", "Idempotency-Key reused", e.getMessage()
                        + "; send a new key for a new credit.",
                List.of(new Problem.Violation("Idempotency-Key", "was used before with a different request"))), uri);
    }

    @ServerExceptionMapper
    public Response notFound(CreditNotFoundException e, UriInfo uri) {
        return respond(ProblemException.notFound(e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response alreadyVoided(CreditAlreadyVoidedException e, UriInfo uri) {
        return respond(ProblemException.conflict("credit-already-voided", e.getMessage()), uri);
    }

    static Response respond(ProblemException e, UriInfo uri) {
        Problem problem = e.toProblem(uri == null ? null : uri.getRequestUri().getRawPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String summary(List<RuleViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList());
    }
}
