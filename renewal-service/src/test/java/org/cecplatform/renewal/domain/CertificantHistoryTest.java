package org.cecplatform.renewal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cecplatform.renewal.domain.Acsm.date;
import static org.cecplatform.renewal.domain.Acsm.noon;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The person folded from the changes commands recorded is the person the commands left. */
class CertificantHistoryTest {

    private static List<Object> state(Certificant person) {
        List<Object> state = new ArrayList<>();
        for (Certification c : person.certifications()) {
            state.add(List.of(c.id(), c.credential(), c.certifiedOn(), c.cycles(), c.recordedStatus(),
                    String.valueOf(c.statusSince()), String.valueOf(c.inactiveAuditId()), String.valueOf(c.grantedBy()),
                    c.grantedAt()));
        }
        return state;
    }

    @Test
    void grantsRenewalsAReinstatementStatusStepsAndAuditHoldsFoldBackIntoTheSamePerson() {
        Certificant person = Forms.person();
        List<CertificationEvent> history = new ArrayList<>();
        Forms.grant(person, "CPT", "2024-05-10");
        Forms.grant(person, "GEI", "2024-05-10");
        Forms.renewAt(person, Forms.form("CPT", "140", date("2028-03-15")), noon("2028-03-15"), List.of());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        person.auditOverdue(first, List.of(), List.of("CPT"), date("2028-04-01"), noon("2028-04-01"));
        person.auditOverdue(second, List.of(), List.of("CPT"), date("2028-04-02"), noon("2028-04-02"));
        history.addAll(person.changes());

        Certificant folded = Certificant.fromHistory(person.id(), history, Acsm.RULES);

        assertThat(state(folded)).isEqualTo(state(person));
        assertThat(history).as("the later audit's hold is recorded though no status changed")
                .last().isInstanceOf(CertificationEvent.AuditHoldChanged.class);
        Certification cpt = folded.certifications().get(0);
        assertThat(cpt.inactiveAuditId()).isEqualTo(second);
        assertThat(cpt.cycles()).hasSize(2);
        assertThat(folded.certificationsRenewedBy(cpt.cycle().renewalId())).containsExactly(cpt.id());

        // Cured by the first audit: still held by the second. A reinstatement of the lapsed GEI folds too.
        folded.auditCured(first, List.of(), List.of("CPT"), date("2028-04-03"), noon("2028-04-03"));
        assertThat(folded.certifications().get(0).recordedStatus()).isEqualTo(CertificationStatus.INACTIVE);
        String fee = folded.quote(List.of("GEI"), date("2029-05-10")).fee().total().toPlainString();
        Renewal reinstated = Forms.renewAt(folded, Forms.form("GEI", fee, date("2029-05-10")), noon("2029-05-10"),
                List.of());
        assertThat(reinstated.kind()).isEqualTo(RenewalKind.REINSTATEMENT);
        List<CertificationEvent> all = new ArrayList<>(history);
        all.addAll(folded.changes());
        assertThat(state(Certificant.fromHistory(person.id(), all, Acsm.RULES))).isEqualTo(state(folded));
    }

    @Test
    void aRenewalThatNamesOnlyTheCredentialRenewsTheCertificationHeldWithIt() {
        Certificant person = Forms.person();
        Forms.grant(person, "CPT", "2024-05-10");
        Renewal renewal = Forms.renewAt(person, Forms.form("CPT", "60", date("2027-12-31")), noon("2027-12-31"),
                List.of());
        List<CertificationEvent> history = new ArrayList<>();
        for (CertificationEvent e : person.changes()) {
            if (e instanceof CertificationEvent.Renewed) { // as read from a version 1 event: no certification id
                RenewedCertification c = renewal.certifications().get(0);
                history.add(new CertificationEvent.Renewed(new Renewal(renewal.renewalId(), renewal.certificantId(),
                        renewal.kind(), renewal.credentials(), renewal.level(), renewal.renewedOn(),
                        renewal.renewedAt(), renewal.cycleStart(), renewal.cycleEnd(),
                        List.of(new RenewedCertification(null, c.credential(), c.previousCycleStart(),
                                c.previousCycleEnd(), c.cecsTracked(), null, null, null, null)),
                        renewal.cecsRequired(), null, null, renewal.cecsAttested(), renewal.cecsTracked(),
                        Fee.of(List.of(), "USD"), null, null, null)));
            } else {
                history.add(e);
            }
        }
        assertThat(((CertificationEvent.Renewed) history.get(1)).renewal().hasReceipt()).isFalse();
        assertThat(state(Certificant.fromHistory(person.id(), history, Acsm.RULES))).isEqualTo(state(person));
    }
}
