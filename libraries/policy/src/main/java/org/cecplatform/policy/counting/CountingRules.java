package org.cecplatform.policy.counting;

import java.time.LocalDate;

/** The counting caps in force on a day: a renewal (and its audit) is counted with the caps of its own day. */
@FunctionalInterface
public interface CountingRules {

    CecCaps capsOn(LocalDate day);

    default CecCounter counterOn(LocalDate day) {
        return new CecCounter(capsOn(day));
    }

    /** The same caps on every day. */
    static CountingRules always(CecCaps caps) {
        return day -> caps;
    }
}
