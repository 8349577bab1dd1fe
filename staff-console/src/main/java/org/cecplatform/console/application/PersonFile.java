package org.cecplatform.console.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What the console shows of one person, now or as of a past day ({@code asOf}): certifications (renewal-service) with
 * their CECs by category, audits (audit-service); now also credits (ledger-service), renewals and the contact address
 * and notices (notification-service). As of a day, only what the services can answer for that day is there (the
 * rest is null).
 */
public record PersonFile(String certificantId, LocalDate asOf, List<CertificationCard> certifications,
                         List<PersonAuditsApi.Audit> audits, long auditCount, List<LedgerApi.Credit> credits,
                         long creditCount, RenewalApi.RenewalPage renewals, Contact contact) {

    /** A certification and its CECs per category. */
    public record CertificationCard(RenewalApi.Certification certification, List<CategoryRow> categories) {
    }

    /**
     * The address notices go to (null: none set) and the newest notices; {@code unavailable} says why neither is
     * shown (the notification-service keeps them from auditors).
     */
    public record Contact(String email, List<NotificationApi.Notice> notices, long noticeCount, String unavailable) {
    }
}
