package org.cecplatform.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.cecplatform.platform.persistence.Jdbc;

/** The contact addresses: one per person, replaced by a new one. */
@ApplicationScoped
public class ContactRepository {

    private final Jdbc jdbc;

    public ContactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void put(String certificantId, String email, Instant at, String by) {
        jdbc.update("insert into contact (certificant_id, email, updated_at, updated_by) values (?, ?, ?, ?)"
                        + " on conflict (certificant_id) do update set email = excluded.email,"
                        + " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                certificantId, email, at, by);
    }

    public Optional<String> emailOf(String certificantId) {
        return jdbc.one("select email from contact where certificant_id = ?", row -> row.getString("email"),
                certificantId);
    }
}
