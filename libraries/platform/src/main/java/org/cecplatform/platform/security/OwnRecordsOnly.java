package org.cecplatform.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.cecplatform.platform.api.CertificantIdPaths;
import org.cecplatform.platform.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The ownership rule, in one place for every service: a caller whose only role is {@code certificant} may use
 * {@code /api/v1/certificants/{id}/...} only for their own id (the token's {@code sub}, never {@code upn}). Runs before
 * the request body is read or validated, so someone else's record is 403 whatever the body holds (and after
 * {@link CertificantIdPaths}, so an id that is no certificant id is 422 first). Resources still check ownership of
 * records reached by other ids (an audit, a renewal) with {@link Caller}.
 */
@ApplicationScoped
public class OwnRecordsOnly {

    private final CurrentIdentityAssociation identities;

    public OwnRecordsOnly(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, RoutingContext routing) {
        Optional<String> named = CertificantIdPaths.certificantIdOf(request, routing);
        if (named.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String certificantId = named.get();
        return identities.getDeferredIdentity()
                .map(identity -> isSomeoneElse(identity, certificantId)
                        ? forbidden(request.getUriInfo().getRequestUri().getRawPath())
                        : null);
    }

    private static boolean isSomeoneElse(SecurityIdentity identity, String certificantId) {
        boolean onlyCertificant = identity.hasRole(Roles.CERTIFICANT) && !identity.hasRole(Roles.STAFF)
                && !identity.hasRole(Roles.AUDITOR) && !identity.hasRole(Roles.INTEGRATION);
        return onlyCertificant && !certificantId.equals(Caller.subjectOf(identity));
    }

    private static Response forbidden(String path) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "A certificant may only use their own records.", path, List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
