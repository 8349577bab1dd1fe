package org.cecplatform.renewal.api;

import jakarta.ws.rs.Path;
import org.cecplatform.platform.eventstore.PersonHistory;
import org.cecplatform.platform.eventstore.PersonHistoryResource;
import org.cecplatform.platform.security.Caller;
import org.cecplatform.renewal.application.RenewalEventDescriber;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's history in the renewal-service: grants, status changes, renewals, reinstatements, audit holds. */
@Path(PersonHistoryResource.PATH)
@Tag(name = "certifications")
public class CertificantHistoryResource extends PersonHistoryResource {

    public CertificantHistoryResource(PersonHistory history, RenewalEventDescriber describer, Caller caller) {
        super(history, describer, caller);
    }
}
