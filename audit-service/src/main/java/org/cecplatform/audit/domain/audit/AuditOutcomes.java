package org.cecplatform.audit.domain.audit;

/**
 * Where a set of audits ended, as an accreditor asks for it. Every audit is in exactly one of the five states, so they
 * add up to {@code opened}:
 *
 * @param opened     every audit of the set
 * @param passed     {@link AuditStatus#PASSED} without any {@link DecisionOutcome#REMEDIATION} decision (on review, or
 *                   at once on verified credits; an overdue audit cured and then passed counts here too)
 * @param remediated {@link AuditStatus#PASSED} after at least one {@link DecisionOutcome#REMEDIATION} decision
 * @param failed     {@link AuditStatus#FAILED}: on review, or overdue and not cured within the year
 * @param overdue    {@link AuditStatus#OVERDUE} now: still open, the certification inactive until it is cured
 * @param inProgress still open and not overdue: {@link AuditStatus#OPEN}, {@link AuditStatus#SUBMITTED} or
 *                   {@link AuditStatus#REMEDIATION}
 */
public record AuditOutcomes(long opened, long passed, long remediated, long failed, long overdue, long inProgress) {

    public static final AuditOutcomes NONE = new AuditOutcomes(0, 0, 0, 0, 0, 0);

    public AuditOutcomes plus(AuditOutcomes other) {
        return new AuditOutcomes(opened + other.opened, passed + other.passed, remediated + other.remediated,
                failed + other.failed, overdue + other.overdue, inProgress + other.inProgress);
    }
}
