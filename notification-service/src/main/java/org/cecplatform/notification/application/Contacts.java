package org.cecplatform.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.cecplatform.notification.persistence.ContactRepository;
import org.cecplatform.notification.persistence.PreferenceRepository;

/** A person's contact address and what they turned off. The address is validated by the caller (the API). */
@ApplicationScoped
public class Contacts {

    private final ContactRepository contacts;
    private final PreferenceRepository preferences;
    private final Clock clock;

    public Contacts(ContactRepository contacts, PreferenceRepository preferences, Clock clock) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.clock = clock;
    }

    public void setEmail(String certificantId, String email, String by) {
        QuarkusTransaction.requiringNew().run(() -> contacts.put(certificantId, email, clock.instant(), by));
    }

    public Optional<String> email(String certificantId) {
        return contacts.emailOf(certificantId);
    }

    public void setReminders(String certificantId, boolean reminders) {
        QuarkusTransaction.requiringNew()
                .run(() -> preferences.putReminders(certificantId, reminders, clock.instant()));
    }

    public boolean wantsReminders(String certificantId) {
        return preferences.wantsReminders(certificantId);
    }
}
