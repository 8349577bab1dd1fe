package org.cecplatform.console.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** A signed-in person without a console role (a certificant, say) gets a 403 page, on every page. */
@Provider
public class ForbiddenPage implements ExceptionMapper<ForbiddenException> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden(SignedIn user);
    }

    private final SignedIn user;

    public ForbiddenPage(SignedIn user) {
        this.user = user;
    }

    @Override
    public Response toResponse(ForbiddenException exception) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden(user).render()).build();
    }
}
