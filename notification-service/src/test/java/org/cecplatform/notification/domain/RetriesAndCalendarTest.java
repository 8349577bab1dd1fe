package org.cecplatform.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetriesAndCalendarTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void aTemporaryFailureIsRetriedLaterAndLaterThenGivenUp() {
        Retries retries = new Retries(Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        assertThat(retries.next(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(retries.next(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(retries.next(4, NOW)).contains(NOW.plusSeconds(240));
        assertThat(new Retries(Duration.ofSeconds(30), Duration.ofMinutes(1), 9).next(6, NOW)).contains(NOW.plusSeconds(60));
        assertThat(retries.next(5, NOW)).isEmpty();
        assertThatThrownBy(() -> new Retries(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheNearestDueReminderIsSentAndNoneAfterTheDeadline() {
        ReminderCalendar calendar = new ReminderCalendar(List.of(30, 90, 7));
        LocalDate end = LocalDate.of(2030, 12, 31);
        assertThat(calendar.due(end.minusDays(91), end)).isEmpty();
        assertThat(calendar.due(end.minusDays(90), end)).contains(90);
        assertThat(calendar.due(end.minusDays(31), end)).contains(90);
        assertThat(calendar.due(end.minusDays(30), end)).contains(30);
        assertThat(calendar.due(end.minusDays(2), end)).contains(7);
        assertThat(calendar.due(end, end)).contains(7);
        assertThat(calendar.due(end.plusDays(1), end)).isEqualTo(Optional.empty());
        assertThat(calendar.furthest()).isEqualTo(90);
        assertThatThrownBy(() -> new ReminderCalendar(List.of(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAddressIsOneMailboxAndNothingThatCouldAddAHeader() {
        assertThat(EmailAddress.problem("ana.silva+cec@example.org")).isEmpty();
        assertThat(EmailAddress.problem("ana@example.org\nBcc: eve@example.org")).isPresent();
        assertThat(EmailAddress.problem("Ana <ana@example.org>")).isPresent();
        assertThat(EmailAddress.problem("ana@localhost")).isPresent();
        assertThat(EmailAddress.problem(null)).contains("is required");
    }

    @Test
    void theMessageIdIsTheNoticesAlone() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(MessageIds.of(id, "notices.example.org"))
                .isEqualTo("<notice-00000000-0000-0000-0000-000000000001@notices.example.org>")
                .isEqualTo(MessageIds.of(id, "notices.example.org"));
    }
}
