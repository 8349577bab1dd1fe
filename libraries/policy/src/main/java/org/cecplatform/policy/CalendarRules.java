package org.cecplatform.policy;

import java.time.MonthDay;

/**
 * The certification calendar, the same in every version (a certification's cycle, grace period and reach of
 * reinstatement span several years, so changing them would change how cycles already running end).
 *
 * @param cycleYears         a cycle ends on 31 December of the {@code cycleYears}-th calendar year after it starts
 * @param graceEnds          the last day of the grace period, in the year after the cycle ended
 * @param reinstatementYears a lapsed cycle can be reinstated until 31 December of this many years after its end
 */
public record CalendarRules(int cycleYears, MonthDay graceEnds, int reinstatementYears) {
}
