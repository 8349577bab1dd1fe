package org.cecplatform.contract;

/** The CloudEvent {@code type} of every event the product publishes: {@code <topic family>.<Event>.v<version>}. */
public final class EventTypes {
    public static final String CEC_EARNED = "cec.ledger.CECEarned.v1";
    public static final String CEC_VOIDED = "cec.ledger.CECVoided.v1";

    public static final String CERTIFICATION_GRANTED = "cec.renewals.CertificationGranted.v1";
    public static final String CERTIFICATION_RENEWED = "cec.renewals.CertificationRenewed.v1";
    public static final String CERTIFICATION_REINSTATED = "cec.renewals.CertificationReinstated.v1";
    /** Version 2 of the renewal events: version 1 and the receipt (README "Event sourcing"); same topic, same key. */
    public static final String CERTIFICATION_RENEWED_V2 = "cec.renewals.CertificationRenewed.v2";
    public static final String CERTIFICATION_REINSTATED_V2 = "cec.renewals.CertificationReinstated.v2";
    public static final String CERTIFICATION_STATUS_CHANGED = "cec.renewals.CertificationStatusChanged.v1";
    /** The payment process of a renewal request: waiting for its fee, then paid (a renewal event) or expired. */
    public static final String RENEWAL_PAYMENT_REQUESTED = "cec.renewals.RenewalPaymentRequested.v1";
    public static final String PENDING_RENEWAL_EXPIRED = "cec.renewals.PendingRenewalExpired.v1";

    public static final String AUDIT_OPENED = "cec.audits.AuditOpened.v1";
    public static final String AUDIT_EXTENDED = "cec.audits.AuditExtended.v1";
    public static final String AUDIT_PROOF_SUBMITTED = "cec.audits.AuditProofSubmitted.v1";
    public static final String AUDIT_DECIDED = "cec.audits.AuditDecided.v1";
    public static final String AUDIT_OVERDUE = "cec.audits.AuditOverdue.v1";
    public static final String AUDIT_CURED = "cec.audits.AuditCured.v1";
    public static final String AUDIT_CLOSED = "cec.audits.AuditClosed.v1";

    public static final String NOTICE_SENT = "cec.notices.NoticeSent.v1";

    private EventTypes() {
    }
}
