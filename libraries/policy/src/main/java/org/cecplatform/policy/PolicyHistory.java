package org.cecplatform.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cecplatform.policy.counting.CountingRules;

/**
 * The whole policy: the values that never vary (time zone, currency, calendar, audit windows) and the versions,
 * oldest first, each in force from its {@code effectiveFrom} until the day before the next one's. Read it with
 * {@link PolicyFile}, which refuses a policy that contradicts itself; the first version is effective from
 * {@link #EARLIEST} or earlier, so every date the services judge has a version.
 */
public final class PolicyHistory {

    /** The first version must be effective from this day or earlier. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private final String source;
    private final ZoneId zone;
    private final String currency;
    private final CalendarRules calendar;
    private final AuditWindows audit;
    private final List<PolicyVersion> versions;

    PolicyHistory(String source, ZoneId zone, String currency, CalendarRules calendar, AuditWindows audit,
                  List<PolicyVersion> versions) {
        this.source = source;
        this.zone = zone;
        this.currency = currency;
        this.calendar = calendar;
        this.audit = audit;
        this.versions = List.copyOf(versions);
    }

    /** Where the policy was read from: a file path, or the resource shipped with the product. */
    public String source() {
        return source;
    }

    /** The time zone of every calendar date and end-of-day deadline. */
    public ZoneId zone() {
        return zone;
    }

    public String currency() {
        return currency;
    }

    public CalendarRules calendar() {
        return calendar;
    }

    public AuditWindows audit() {
        return audit;
    }

    /** Every version, oldest first (strictly increasing {@code effectiveFrom}). */
    public List<PolicyVersion> versions() {
        return versions;
    }

    /**
     * The version in force on {@code day}: the last one whose {@code effectiveFrom} is on or before it.
     *
     * @throws IllegalArgumentException for a day before the first version (before {@link #EARLIEST} at the latest)
     */
    public PolicyVersion versionOn(LocalDate day) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).effectiveFrom().isAfter(day)) {
                return versions.get(i);
            }
        }
        throw new IllegalArgumentException("no policy version is in force on " + day + ": the first one ("
                + source + ") is effective from " + versions.get(0).effectiveFrom());
    }

    /** The version in force on 1 January of {@code year}: what a calendar year's audit pools are sampled with. */
    public PolicyVersion versionForYear(int year) {
        return versionOn(LocalDate.of(year, 1, 1));
    }

    /** The most recent version (in force from its {@code effectiveFrom} on, unless the clock is before it). */
    public PolicyVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The counting caps of the version in force on each day. */
    public CountingRules countingRules() {
        return day -> versionOn(day).countingCaps();
    }

    /**
     * Every credential code any version names: the latest version's tie order, then codes only earlier versions
     * name (latest first).
     */
    public List<String> everyCredential() {
        Set<String> codes = new LinkedHashSet<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            codes.addAll(versions.get(i).tieOrder());
        }
        return new ArrayList<>(codes);
    }

    @Override
    public String toString() {
        return "policy " + source + " (versions effective from "
                + versions.stream().map(v -> v.effectiveFrom().toString()).toList() + ")";
    }
}
