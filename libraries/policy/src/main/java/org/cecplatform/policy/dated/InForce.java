package org.cecplatform.policy.dated;

import java.time.LocalDate;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Values that take effect on a day and stay in force until the next one does: the rules of each policy version, by
 * the first day each is in force. Plain Java, for the services' domains.
 *
 * @param <T> what is in force (a service's rules)
 */
public final class InForce<T> {

    private final NavigableMap<LocalDate, T> byEffectiveFrom;

    public InForce(Map<LocalDate, T> byEffectiveFrom) {
        if (byEffectiveFrom.isEmpty()) {
            throw new IllegalArgumentException("at least one version is required");
        }
        this.byEffectiveFrom = new TreeMap<>(byEffectiveFrom);
        this.byEffectiveFrom.values().forEach(value -> Objects.requireNonNull(value, "a version"));
    }

    /** The same value on every day. */
    public static <T> InForce<T> always(T value) {
        return new InForce<>(Map.of(LocalDate.MIN, Objects.requireNonNull(value, "value")));
    }

    /** The value in force on {@code day}; refused for a day before the first version. */
    public T on(LocalDate day) {
        Entry<LocalDate, T> inForce = byEffectiveFrom.floorEntry(day);
        if (inForce == null) {
            throw new IllegalArgumentException("nothing is in force on " + day + "; the first version is in force"
                    + " from " + byEffectiveFrom.firstKey());
        }
        return inForce.getValue();
    }

    /** The one value {@code of} gives for every version, refused when two versions differ in it. */
    public <V> V same(Function<T, V> of, String what) {
        V first = of.apply(byEffectiveFrom.firstEntry().getValue());
        for (T value : byEffectiveFrom.values()) {
            if (!Objects.equals(of.apply(value), first)) {
                throw new IllegalArgumentException("every version has the same " + what);
            }
        }
        return first;
    }
}
