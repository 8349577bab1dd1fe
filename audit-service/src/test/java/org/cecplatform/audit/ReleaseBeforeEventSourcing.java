package org.cecplatform.audit;

import java.util.List;

/** The migration scripts of the release before the event store (issue 16): what an installation of it has run. */
final class ReleaseBeforeEventSourcing {

    static final List<String> SCRIPTS = List.of("db/platform/V0_1__event_log.sql",
            "db/platform/V0_2__processed_events.sql", "db/platform/R__runtime_grants.sql", "db/migration/V1__audit.sql",
            "db/migration/V2__ledger_credit.sql", "db/migration/V3__document_chunks_and_access.sql");

    private ReleaseBeforeEventSourcing() {
    }
}
