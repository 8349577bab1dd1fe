package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A credit for the counting tests. */
record TestCredit(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs, boolean voided,
                  boolean countedElsewhere) implements CountableCredit {

    static final CecCaps ACSM_CAPS = new CecCaps(new BigDecimal("8"), new BigDecimal("24"), new BigDecimal("5"));

    static TestCredit of(String completedOn, String category, String cecs) {
        return new TestCredit(UUID.randomUUID(), LocalDate.parse(completedOn), category, new BigDecimal(cecs), false,
                false);
    }

    TestCredit voidedCopy() {
        return new TestCredit(creditId, completedOn, category, cecs, true, countedElsewhere);
    }

    TestCredit countedElsewhereCopy() {
        return new TestCredit(creditId, completedOn, category, cecs, voided, true);
    }
}
