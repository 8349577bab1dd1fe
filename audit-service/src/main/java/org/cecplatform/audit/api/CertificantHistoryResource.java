package org.cecplatform.audit.api;

import jakarta.ws.rs.Path;
import org.cecplatform.audit.application.AuditEventDescriber;
import org.cecplatform.platform.eventstore.PersonHistory;
import org.cecplatform.platform.eventstore.PersonHistoryResource;
import org.cecplatform.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's history in the audit-service: the draws of their renewals and every event of their audits. */
@Path(PersonHistoryResource.PATH)
@Tag(name = "audits")
public class CertificantHistoryResource extends PersonHistoryResource {

    public CertificantHistoryResource(PersonHistory history, AuditEventDescriber describer, Caller caller) {
        super(history, describer, caller);
    }
}
