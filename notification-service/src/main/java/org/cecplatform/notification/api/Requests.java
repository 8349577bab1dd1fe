package org.cecplatform.notification.api;

import jakarta.validation.constraints.NotNull;

/** The request bodies of the notification API. */
public final class Requests {

    private Requests() {
    }

    /** A person's contact address (checked by {@code EmailAddress}: one mailbox, no display name). */
    public record ContactRequest(String email) {
    }

    /** Whether the person wants the calendar reminders; audit notices cannot be turned off. */
    public record PreferencesRequest(@NotNull Boolean reminders) {
    }
}
