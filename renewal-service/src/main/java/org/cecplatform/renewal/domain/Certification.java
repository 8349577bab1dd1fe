package org.cecplatform.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One credential held by one person: its cycles (the last is the current one, earlier ones and any gap kept), its
 * recorded status and any audit hold. Changed only through {@link Certificant}.
 */
public final class Certification {

    private final UUID id;
    private final String certificantId;
    private final String credential;
    private final LocalDate certifiedOn;
    private final String grantedBy;
    private final Instant grantedAt;
    private final List<Cycle> cycles;
    private CertificationStatus status;
    private LocalDate statusSince;
    private UUID inactiveAuditId;

    private Certification(UUID id, String certificantId, String credential, LocalDate certifiedOn, String grantedBy,
                          Instant grantedAt, List<Cycle> cycles, CertificationStatus status, LocalDate statusSince,
                          UUID inactiveAuditId) {
        this.id = Objects.requireNonNull(id, "id");
        this.certificantId = Objects.requireNonNull(certificantId, "certificantId");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.certifiedOn = Objects.requireNonNull(certifiedOn, "certifiedOn");
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        if (cycles.isEmpty()) {
            throw new IllegalArgumentException("a certification has at least one cycle");
        }
        this.cycles = new ArrayList<>(cycles);
        this.status = Objects.requireNonNull(status, "status");
        this.statusSince = statusSince;
        this.inactiveAuditId = inactiveAuditId;
    }

    /** A certification as stored. */
    public static Certification restore(UUID id, String certificantId, String credential, LocalDate certifiedOn,
                                        String grantedBy, Instant grantedAt, List<Cycle> cycles,
                                        CertificationStatus status, LocalDate statusSince, UUID inactiveAuditId) {
        return new Certification(id, certificantId, credential, certifiedOn, grantedBy, grantedAt, cycles, status,
                statusSince, inactiveAuditId);
    }

    static Certification granted(UUID id, String certificantId, String credential, LocalDate certifiedOn,
                                 LocalDate cycleEnd, String grantedBy, Instant grantedAt) {
        Cycle first = new Cycle(1, certifiedOn, cycleEnd, certifiedOn, CycleOrigin.GRANT, null, null, null);
        return new Certification(id, certificantId, credential, certifiedOn, grantedBy, grantedAt, List.of(first),
                CertificationStatus.ACTIVE, certifiedOn, null);
    }

    public UUID id() {
        return id;
    }

    public String certificantId() {
        return certificantId;
    }

    public String credential() {
        return credential;
    }

    public LocalDate certifiedOn() {
        return certifiedOn;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    /** The current cycle. */
    public Cycle cycle() {
        return cycles.get(cycles.size() - 1);
    }

    /** Every cycle, oldest first. */
    public List<Cycle> cycles() {
        return List.copyOf(cycles);
    }

    /** The status last recorded (and published); {@link #statusOn} is the status on a given date. */
    public CertificationStatus recordedStatus() {
        return status;
    }

    public LocalDate statusSince() {
        return statusSince;
    }

    public UUID inactiveAuditId() {
        return inactiveAuditId;
    }

    /** The status on {@code today}: the calendar's, unless an audit made it INACTIVE or REVOKED, or it EXPIRED. */
    public CertificationStatus statusOn(LocalDate today, CycleCalendar calendar) {
        return status.followsCalendar() ? calendar.statusOn(cycle().end(), today) : status;
    }

    /** Held: not revoked and not expired (by record or by the calendar on {@code today}). */
    public boolean isHeldOn(LocalDate today, CycleCalendar calendar) {
        return !statusOn(today, calendar).isFinal();
    }

    public Eligibility eligibility(LocalDate today, CycleCalendar calendar) {
        Cycle cycle = cycle();
        Phase phase = calendar.phase(cycle.end(), today);
        CertificationStatus current = statusOn(today, calendar);
        List<String> reasons = new ArrayList<>();
        switch (current) {
            case REVOKED -> reasons.add("revoked after a failed audit: only a new certification exam restores it");
            case EXPIRED -> reasons.add("expired: lapsed beyond the reach of reinstatement (possible until "
                    + calendar.reinstatableUntil(cycle.end()) + "); only a new certification exam restores it");
            case INACTIVE -> reasons.add("inactive: audit proof is overdue; it can be renewed again once the audit"
                    + " is cured");
            default -> {
                if (phase == Phase.NOT_DUE) {
                    reasons.add("not due yet: the renewal window for the cycle ending " + cycle.end() + " opens on "
                            + calendar.windowOpens(cycle.end()));
                }
            }
        }
        boolean renewable = reasons.isEmpty() && phase.renewalKind() != null;
        LocalDate countTo = switch (phase) {
            case LAPSED, OUT_OF_REACH -> cycle.end();
            case GRACE -> today;
            case NOT_DUE, DUE -> today.isBefore(cycle.end()) ? today : cycle.end();
        };
        LocalDate deadline = current.isFinal() ? null : calendar.deadline(cycle.end(), today);
        return new Eligibility(current, phase, renewable ? phase.renewalKind() : null, renewable, reasons, deadline,
                cycle.countingFrom(), countTo);
    }

    /**
     * A status step: INACTIVE holds for the audit that caused it (null on events recorded before the audit was noted:
     * then any audit's cure releases it); any other status releases the hold.
     */
    void apply(CertificationEvent.StatusChanged changed) {
        this.status = changed.to();
        this.statusSince = changed.effectiveOn();
        this.inactiveAuditId = changed.to() == CertificationStatus.INACTIVE ? changed.auditId() : null;
    }

    void apply(CertificationEvent.AuditHoldChanged moved) {
        this.inactiveAuditId = moved.auditId();
    }

    void startCycle(Cycle next) {
        if (next.number() != cycle().number() + 1) {
            throw new IllegalArgumentException("cycle " + next.number() + " does not follow " + cycle().number());
        }
        cycles.add(next);
    }
}
