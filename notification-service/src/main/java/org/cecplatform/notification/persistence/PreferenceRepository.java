package org.cecplatform.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.cecplatform.platform.persistence.Jdbc;

/** Whether a person wants the calendar reminders (yes unless they said no). */
@ApplicationScoped
public class PreferenceRepository {

    private final Jdbc jdbc;

    public PreferenceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void putReminders(String certificantId, boolean reminders, Instant at) {
        jdbc.update("insert into notification_preference (certificant_id, reminders, updated_at) values (?, ?, ?)"
                        + " on conflict (certificant_id) do update set reminders = excluded.reminders,"
                        + " updated_at = excluded.updated_at",
                certificantId, reminders, at);
    }

    public boolean wantsReminders(String certificantId) {
        return jdbc.one("select reminders from notification_preference where certificant_id = ?",
                row -> row.getBoolean("reminders"), certificantId).orElse(true);
    }
}
