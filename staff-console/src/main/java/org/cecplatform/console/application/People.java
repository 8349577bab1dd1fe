package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A person's file from the services that know them, and the staff actions on it. */
@ApplicationScoped
public class People {

    /** The most credits one page shows (the ledger's page size limit is 500). */
    static final int CREDITS_SHOWN = 200;
    static final int RENEWALS_SHOWN = 50;
    static final int AUDITS_SHOWN = 50;
    static final int NOTICES_SHOWN = 20;

    private final RenewalApi renewal;
    private final LedgerApi ledger;
    private final PersonAuditsApi audits;
    private final NotificationApi notification;

    public People(@RestClient RenewalApi renewal, @RestClient LedgerApi ledger, @RestClient PersonAuditsApi audits,
                  @RestClient NotificationApi notification) {
        this.renewal = renewal;
        this.ledger = ledger;
        this.audits = audits;
        this.notification = notification;
    }

    /** The file as it stands. Throws {@link ServiceProblem} when a service refuses (an invalid id, say). */
    public PersonFile file(String certificantId) {
        List<PersonFile.CertificationCard> cards = renewal.certifications(certificantId, null).certifications().stream()
                .map(c -> new PersonFile.CertificationCard(c, CategoryRow.of(c, progressOrNull(certificantId, c))))
                .toList();
        PersonAuditsApi.AuditPage audited = audits.audits(certificantId, null, 0, AUDITS_SHOWN);
        LedgerApi.CreditPage credits = ledger.credits(certificantId, CREDITS_SHOWN);
        return new PersonFile(certificantId, null, cards, audited.audits(), audited.totalItems(), credits.credits(),
                credits.totalItems(), renewal.renewals(certificantId, 0, RENEWALS_SHOWN), contact(certificantId));
    }

    /**
     * The certifications and audits as they stood at the end of {@code day} (YYYY-MM-DD, the services judge it: a day
     * after today is a {@link ServiceProblem} naming {@code asOf}).
     */
    public PersonFile fileAsOf(String certificantId, String day) {
        RenewalApi.Certifications then = renewal.certifications(certificantId, day);
        PersonAuditsApi.AuditPage audited = audits.audits(certificantId, day, 0, AUDITS_SHOWN);
        List<PersonFile.CertificationCard> cards = then.certifications().stream()
                .map(c -> new PersonFile.CertificationCard(c, CategoryRow.of(c, null))).toList();
        return new PersonFile(certificantId, then.asOf(), cards, audited.audits(), audited.totalItems(), null, 0, null,
                null);
    }

    /** A cycle's count explained (null {@code cycle}: the current one) and the person's credits to name each line. */
    public ExplainedProgress progress(String certificantId, String credential, String cycle) {
        RenewalApi.Progress progress = renewal.progress(certificantId, credential, cycle);
        RenewalApi.Certification certification = renewal.certifications(certificantId, null).certifications().stream()
                .filter(c -> c.certificationId().equals(progress.certificationId())).findFirst().orElse(null);
        return new ExplainedProgress(certificantId, progress, certification,
                ledger.credits(certificantId, CREDITS_SHOWN).credits());
    }

    /** Voids a credit with the reason staff gave; the ledger checks the reason and the caller's right. */
    public void voidCredit(String certificantId, UUID creditId, String reason) {
        ledger.voidCredit(certificantId, creditId, new LedgerApi.VoidRequest(reason));
    }

    /**
     * Records a credit on the person's behalf from the form's fields; the ledger judges every field. An amount that is
     * not a number is refused here, next to its field, as the ledger would (it takes numbers only).
     */
    public UUID recordCredit(String certificantId, Map<String, String> form) {
        BigDecimal amount = null;
        String typedAmount = blankToNull(form.get("amount"));
        if (typedAmount != null) {
            try {
                amount = new BigDecimal(typedAmount.trim());
            } catch (NumberFormatException e) {
                throw new ServiceProblem(422, "Invalid credit", "The amount must be a number.",
                        List.of(new ServiceProblem.Violation("amount", "must be a number, e.g. 1.5")));
            }
        }
        LedgerApi.NewCredit credit = new LedgerApi.NewCredit(blankToNull(form.get("title")),
                blankToNull(form.get("provider")), blankToNull(form.get("providerKind")),
                blankToNull(form.get("category")), blankToNull(form.get("completedOn")), amount,
                blankToNull(form.get("unit")), "on".equals(form.get("inScope")), blankToNull(form.get("grade")));
        return ledger.record(certificantId, credit).creditId();
    }

    /** Grants a certification (blank {@code certifiedOn}: today); the renewal-service judges every field. */
    public RenewalApi.Certification grant(String certificantId, String credential, String certifiedOn) {
        return renewal.grant(new RenewalApi.GrantRequest(certificantId, blankToNull(credential),
                blankToNull(certifiedOn)));
    }

    /** Sets the address notices go to; the notification-service judges it. */
    public void setContact(String certificantId, String email) {
        notification.setContact(certificantId, new NotificationApi.ContactRequest(email));
    }

    private RenewalApi.Progress progressOrNull(String certificantId, RenewalApi.Certification certification) {
        try {
            return renewal.progress(certificantId, certification.credential(), null);
        } catch (ServiceProblem notExplained) {
            return null; // the table then shows the counted CECs without the caps
        }
    }

    private PersonFile.Contact contact(String certificantId) {
        try {
            String email;
            try {
                email = notification.contact(certificantId).email();
            } catch (ServiceProblem none) {
                if (none.status() != 404) {
                    throw none;
                }
                email = null;
            }
            NotificationApi.NoticePage notices = notification.notices(certificantId, 0, NOTICES_SHOWN);
            return new PersonFile.Contact(email, notices.notices(), notices.total(), null);
        } catch (ServiceProblem refused) {
            if (refused.status() != 403) {
                throw refused;
            }
            return new PersonFile.Contact(null, List.of(), 0,
                    "The notification-service shows a person's contact address and notices to staff only.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
