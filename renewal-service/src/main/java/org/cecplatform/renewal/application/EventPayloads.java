package org.cecplatform.renewal.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.cecplatform.contract.EventTypes;
import org.cecplatform.contract.Topics;
import org.cecplatform.contract.renewal.CertificationGrantedV1;
import org.cecplatform.contract.renewal.CertificationReinstatedV1;
import org.cecplatform.contract.renewal.CertificationRenewedV1;
import org.cecplatform.contract.renewal.CertificationStatusChangedV1;
import org.cecplatform.platform.outbox.NewEvent;
import org.cecplatform.renewal.domain.CertificationEvent;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewedCertification;

/**
 * Turns what the aggregate changed into the public events of {@code cec.renewals.v1}. The stream is the person's
 * (aggregate id = certificant id), and so is the Kafka key: one person's events stay in order.
 */
@ApplicationScoped
public class EventPayloads {

    public List<NewEvent> toEvents(String certificantId, List<CertificationEvent> changes) {
        return changes.stream().map(change -> toEvent(certificantId, change)).toList();
    }

    private NewEvent toEvent(String certificantId, CertificationEvent change) {
        if (change instanceof CertificationEvent.Granted g) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_GRANTED, Topics.RENEWALS,
                    g.grantedAt(), new CertificationGrantedV1(g.certificationId(), g.certificantId(), g.credential(),
                            g.certifiedOn(), g.cycleStart(), g.cycleEnd(), g.grantedBy(), g.grantedAt()));
        }
        if (change instanceof CertificationEvent.StatusChanged s) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_STATUS_CHANGED, Topics.RENEWALS,
                    s.changedAt(), new CertificationStatusChangedV1(s.certificationId(), s.certificantId(),
                            s.credential(), s.from().name(), s.to().name(), s.reason(), s.effectiveOn(),
                            s.changedAt()));
        }
        Renewal r = ((CertificationEvent.Renewed) change).renewal();
        RenewedCertification level = r.levelCertification();
        if (r.kind() == RenewalKind.REINSTATEMENT) {
            return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_REINSTATED, Topics.RENEWALS,
                    r.renewedAt(), new CertificationReinstatedV1(r.renewalId(), r.certificantId(), r.credentials(),
                            r.level(), r.renewedOn(), r.renewedAt(), level.previousCycleStart(),
                            level.previousCycleEnd(), level.gapFrom(), level.gapTo(), r.cycleStart(), r.cycleEnd(),
                            r.cecsRequired(), r.cecsAttested(), r.cecsTracked(), r.fee().total(), r.fee().currency(),
                            r.countedFrom(), r.countedTo()));
        }
        return NewEvent.of(certificantId, certificantId, EventTypes.CERTIFICATION_RENEWED, Topics.RENEWALS,
                r.renewedAt(), new CertificationRenewedV1(r.renewalId(), r.certificantId(), r.kind().name(),
                        r.credentials(), r.level(), r.renewedOn(), r.renewedAt(), level.previousCycleStart(),
                        level.previousCycleEnd(), r.cycleStart(), r.cycleEnd(), r.cecsRequired(), r.cecsAttested(),
                        r.cecsTracked(), r.fee().total(), r.fee().currency(), r.countedFrom(), r.countedTo()));
    }
}
