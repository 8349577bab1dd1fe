package org.cecplatform.platform.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.common.util.Encode;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The certificant id of every {@code /api/v1/certificants/{id}/...} path, in every service, must be a certificant id
 * ({@link CertificantIds}): anything else is 422 with a violation on {@code certificantId}, before the body is read
 * and before anything is read or saved. The id is the path segment decoded as the resource receives it
 * ({@code bad%20id} is {@code "bad id"}, {@code a%2Fb} is {@code "a/b"}). Runs before
 * {@link org.cecplatform.platform.security.OwnRecordsOnly}, and after authentication (no token is still 401).
 */
@ApplicationScoped
public class CertificantIdPaths {

    /** Before the ownership filter (which has the default priority, {@link Priorities#USER}). */
    public static final int PRIORITY = Priorities.USER - 100;

    private static final Pattern CERTIFICANT_PATH = Pattern.compile("^/api/v1/certificants/([^/]*)(?:/.*)?$");

    @ServerRequestFilter(priority = PRIORITY)
    public Response check(ContainerRequestContext request, RoutingContext routing) {
        Optional<String> certificantId = certificantIdOf(request, routing);
        if (certificantId.isEmpty() || CertificantIds.isValid(certificantId.get())) {
            return null;
        }
        Problem problem = ProblemException.invalid("The certificant id in the path " + CertificantIds.RULE + ".",
                        List.of(new Problem.Violation("certificantId", CertificantIds.RULE)))
                .toProblem(request.getUriInfo().getRequestUri().getRawPath());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The certificant id a {@code /api/v1/certificants/{id}/...} request names, as its path parameter: the segment of
     * the path the request was routed by (dot segments resolved, still percent-encoded), decoded once as the
     * resource's parameter is. A segment that cannot be decoded comes back as it is (it holds a {@code %}, so it is
     * never a valid id). Empty for any other path.
     */
    public static Optional<String> certificantIdOf(ContainerRequestContext request, RoutingContext routing) {
        String path = routing.normalizedPath();
        String base = request.getUriInfo().getBaseUri().getRawPath();
        if (base != null && base.length() > 1 && path.startsWith(base)) {
            path = path.substring(base.length() - 1);
        }
        Matcher matcher = CERTIFICANT_PATH.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String segment = matcher.group(1);
        try {
            return Optional.of(Encode.decodePath(segment));
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.of(segment);
        }
    }
}
