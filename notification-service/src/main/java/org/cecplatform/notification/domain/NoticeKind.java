package org.cecplatform.notification.domain;

import java.util.Locale;

/**
 * What a notice is about. A reminder is sent by the reminders job on the policy calendar and can be turned off by the
 * person; an audit notice never can (missing an audit deadline costs the certification).
 */
public enum NoticeKind {
    CERTIFICATION_GRANTED(Group.EVENT),
    RENEWAL_ACCEPTED(Group.EVENT),
    CERTIFICATION_REINSTATED(Group.EVENT),
    STATUS_GRACE(Group.EVENT),
    STATUS_LAPSED(Group.EVENT),
    STATUS_INACTIVE(Group.EVENT),
    CREDIT_VOIDED(Group.EVENT),
    RENEWAL_PAYMENT_REQUESTED(Group.EVENT),
    PENDING_RENEWAL_EXPIRED(Group.EVENT),
    AUDIT_OPENED(Group.AUDIT),
    AUDIT_EXTENDED(Group.AUDIT),
    AUDIT_PROOF_RECEIVED(Group.AUDIT),
    AUDIT_REMEDIATION_REQUESTED(Group.AUDIT),
    AUDIT_OVERDUE(Group.AUDIT),
    AUDIT_PASSED(Group.AUDIT),
    AUDIT_FAILED(Group.AUDIT),
    REMINDER_CYCLE_END(Group.REMINDER),
    REMINDER_GRACE_END(Group.REMINDER),
    REMINDER_PROOF_DUE(Group.AUDIT);

    /** Who may turn a kind off: only reminders of the calendar; never the audit's notices, reminders included. */
    private enum Group { EVENT, AUDIT, REMINDER }

    private final Group group;

    NoticeKind(Group group) {
        this.group = group;
    }

    /** True for the calendar reminders a person may turn off (cycle and grace period ends). */
    public boolean canBeTurnedOff() {
        return group == Group.REMINDER;
    }

    /** Its template's name: {@code audit-opened}. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
