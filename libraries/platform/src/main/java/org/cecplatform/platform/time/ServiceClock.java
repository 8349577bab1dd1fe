package org.cecplatform.platform.time;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of a service: every rule and scheduled job reads the time from here (inject {@link Clock}). It runs
 * with the system clock, shifted by an offset that the admin endpoint can set where the runtime allows it, so a whole
 * scenario (30 days, a year, a cycle) can be played end to end. Time keeps flowing after a shift.
 */
@Singleton
public class ServiceClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ServiceClock() {
        this(Clock.systemUTC());
    }

    ServiceClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system, offset.get()).withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    /** Moves this service's time to {@code now}, earlier or later; it goes on running from there. */
    public void set(Instant now) {
        offset.set(Duration.between(system.instant(), now));
    }

    /** Back to the system's time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }
}
