package org.cecplatform.notification.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cecplatform.notification.persistence.ContactRepository;
import org.cecplatform.notification.persistence.NoticeRepository;
import org.cecplatform.notification.persistence.PreferenceRepository;

/** A person's contact address and what they turned off. The address is validated by the caller (the API). */
@ApplicationScoped
public class Contacts {

    private final ContactRepository contacts;
    private final PreferenceRepository preferences;
    private final NoticeRepository notices;
    private final Clock clock;

    public Contacts(ContactRepository contacts, PreferenceRepository preferences, NoticeRepository notices, Clock clock) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.notices = notices;
        this.clock = clock;
    }

    /** Sets the address; the person's notices waiting for one are sent on the sender's next run. */
    public void setEmail(String certificantId, String email, String by) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            contacts.put(certificantId, email, now, by);
            notices.makePendingDue(certificantId, now);
        });
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
