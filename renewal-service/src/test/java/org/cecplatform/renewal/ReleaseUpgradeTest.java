package org.cecplatform.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.testsupport.OlderRelease;
import org.cecplatform.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * An installation of the release before the event store, upgraded as the service upgrades it at start: the platform's
 * V0_3 and V0_4 (the event log's index by person) run after the service's V5 (out of order), V6 adds the shadows, V7
 * appends, as a private event, the receipt that the version 1 renewal event did not carry, and V8 gives the credits
 * recorded before the nearest times they have. (That the imported stream then folds and rebuilds to the same rows is
 * {@code EventSourcingTest}'s first test.)
 */
@QuarkusTest
class ReleaseUpgradeTest {

    private static final List<String> RELEASE_BEFORE_THE_EVENT_STORE = List.of("db/platform/V0_1__event_log.sql",
            "db/platform/V0_2__processed_events.sql", "db/platform/R__runtime_grants.sql",
            "db/migration/V1__renewal.sql", "db/migration/V2__projected_at.sql", "db/migration/V3__counted_window.sql",
            "db/migration/V4__audit_replacement_credit.sql", "db/migration/V5__payments.sql");

    @Test
    void anInstallationOfTheReleaseBeforeUpgradesOutOfOrderAndKeepsItsReceipts() throws Exception {
        OlderRelease older = OlderRelease.migratedWith(RELEASE_BEFORE_THE_EVENT_STORE);
        String person = "upgrade-" + UUID.randomUUID();
        UUID certification = UUID.randomUUID();
        UUID renewal = UUID.randomUUID();
        try (Connection c = older.connect()) {
            execute(c, "insert into event_log (event_id, aggregate_id, sequence, event_type, topic, partition_key,"
                    + " occurred_at, payload, published_at) values (?, ?, 1, ?, ?, ?, '2027-06-01T14:00:00Z',"
                    + " ?::json, now())", UUID.randomUUID(), person, EventTypes.CERTIFICATION_RENEWED, Topics.RENEWALS,
                    person, "{\"renewalId\":\"" + renewal + "\",\"certificantId\":\"" + person + "\"}");
            execute(c, "insert into certificant (certificant_id) values (?)", person);
            execute(c, "insert into certification (certification_id, certificant_id, credential, certified_on,"
                    + " cycle_number, cycle_start, cycle_end, counting_from, status, granted_by, granted_at)"
                    + " values (?, ?, 'CPT', '2024-05-10', 2, '2028-01-01', '2030-12-31', '2027-06-02', 'ACTIVE',"
                    + " 'staff-1', '2024-05-10T14:00:00Z')", certification, person);
            execute(c, "insert into renewal (renewal_id, certificant_id, kind, credentials, level, renewed_on,"
                    + " renewed_at, cycle_start, cycle_end, cecs_required, attested_submitted, attested_counted,"
                    + " cecs_attested, cecs_tracked, fee_items, fee_total, currency, payment_amount, payment_currency,"
                    + " payment_reference, cpr_provider, cpr_issued_on, cpr_expires_on, cpr_hands_on, submitted_by)"
                    + " values (?, ?, 'RENEWAL', 'CPT', 'CPT', '2027-06-01', '2027-06-01T14:00:00Z', '2028-01-01',"
                    + " '2030-12-31', 45, '{}', '{}', 45, 12.5, '[]', 60.00, 'USD', 60.00, 'USD', 'RNW-OLD-1',"
                    + " 'American Red Cross', '2026-01-10', '2028-01-10', true, ?)", renewal, person, person);
            execute(c, "insert into renewal_certification (renewal_id, certification_id, credential,"
                    + " previous_cycle_start, previous_cycle_end, cecs_tracked) values (?, ?, 'CPT', '2024-05-10',"
                    + " '2027-12-31', 12.5)", renewal, certification);
            execute(c, "insert into ledger_credit (credit_id, certificant_id, completed_on, category, cecs, source,"
                    + " verified, earned, voided, updated_at, projected_at) values (?, ?, '2026-03-01', 'GENERAL', 5,"
                    + " 'WEBINAR', true, true, true, '2027-03-02T10:00:00Z', '2026-03-02T10:00:00Z'),"
                    + " (?, ?, '2026-04-01', 'GENERAL', 7, 'WEBINAR', true, true, false, '2026-04-02T10:00:00Z',"
                    + " '2026-04-02T10:00:00Z')", UUID.randomUUID(), person, UUID.randomUUID(), person);
            execute(c, "insert into audit_replacement_credit (credit_id, audit_id, recorded_at)"
                    + " values (?, ?, '2027-09-01T10:00:00Z')", UUID.randomUUID(), UUID.randomUUID());
        }

        older.upgrade();

        try (Connection c = older.connect()) {
            assertThat(TestDatabase.rows(c, "select version, success from flyway_schema_history where version is not null"
                    + " order by installed_rank")).containsExactly("0.1|t", "0.2|t", "1|t", "2|t", "3|t", "4|t",
                    "5|t", "0.3|t", "0.4|t", "0.5|t", "0.6|t", "6|t", "7|t", "8|t");
            assertThat(TestDatabase.rows(c, "select sequence, event_type, topic is null, payload->'payment'->>'reference',"
                    + " payload->'cpr'->>'provider' from event_log where aggregate_id = '" + person + "'"
                    + " order by sequence")).containsExactly(
                    "1|" + EventTypes.CERTIFICATION_RENEWED + "|f|null|null",
                    "2|renewal.RenewalReceiptImported.v1|t|RNW-OLD-1|American Red Cross");
            assertThat(TestDatabase.rows(c, "select count(*) from certification_shadow")).containsExactly("0");
            assertThat(TestDatabase.rows(c, "select cecs, earned_at = projected_at, voided_at = updated_at,"
                    + " voided_at is null from ledger_credit where certificant_id = '" + person + "' order by cecs"))
                    .as("V8: the credits recorded before carry the times of their last writes")
                    .containsExactly("5|t|t|f", "7|t|null|t");
            assertThat(TestDatabase.rows(c, "select count(*) from audit_replacement_credit"
                    + " where decided_at = recorded_at")).containsExactly("1");
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

}
