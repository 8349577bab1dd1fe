package org.cecplatform.audit;

import static org.cecplatform.audit.Fixtures.awaitAudit;
import static org.cecplatform.audit.Fixtures.ny;
import static org.cecplatform.audit.Fixtures.person;
import static org.cecplatform.audit.Fixtures.renewal;
import static org.cecplatform.audit.Fixtures.sendRenewed;

import jakarta.inject.Inject;
import java.time.LocalDate;
import org.cecplatform.platform.time.ServiceClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The starting point of the tests that work one audit: a new person's CPT renewal of 20 February 2027, audited (every
 * CPT renewal is, in tests) on 1 March 2027 at noon in the policy zone; the service's clock back to the system's time
 * after each test.
 */
abstract class WithAnAuditOpenedOnMarchFirst {

    @Inject
    ServiceClock clock;

    String person;
    String auditId;

    @BeforeEach
    void anAuditOpenedOnMarchFirst() {
        clock.set(ny("2027-03-01T12:00"));
        person = person();
        sendRenewed(renewal(person, "CPT", LocalDate.of(2027, 2, 20)));
        auditId = awaitAudit(person, 1);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }
}
