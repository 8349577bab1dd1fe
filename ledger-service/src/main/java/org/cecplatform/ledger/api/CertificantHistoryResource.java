package org.cecplatform.ledger.api;

import jakarta.ws.rs.Path;
import org.cecplatform.ledger.application.LedgerEventDescriber;
import org.cecplatform.platform.eventstore.PersonHistory;
import org.cecplatform.platform.eventstore.PersonHistoryResource;
import org.cecplatform.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's history in the ledger: every credit recorded and voided. */
@Path(PersonHistoryResource.PATH)
@Tag(name = "credits")
public class CertificantHistoryResource extends PersonHistoryResource {

    public CertificantHistoryResource(PersonHistory history, LedgerEventDescriber describer, Caller caller) {
        super(history, describer, caller);
    }
}
