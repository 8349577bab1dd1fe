package org.cecplatform.console.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One category of a certification's current cycle: the CECs counted (the certifications view's
 * {@code cecsTrackedByCategory}) and, where the explained progress is known, what the credits reported and the
 * policy's caps. A cap is reached when the credits reported more than counted.
 */
public record CategoryRow(String category, BigDecimal counted, BigDecimal reported, BigDecimal capPerYear,
                          BigDecimal capPerCycle) {

    /** The rows of a certification; {@code progress} may be null (as of a past day) or another certification's. */
    public static List<CategoryRow> of(RenewalApi.Certification certification, RenewalApi.Progress progress) {
        Map<String, CategoryRow> rows = new TreeMap<>();
        if (certification.cecsTrackedByCategory() != null) {
            certification.cecsTrackedByCategory().forEach((category, cecs) ->
                    rows.put(category, new CategoryRow(category, cecs, null, null, null)));
        }
        if (progress != null && certification.certificationId().equals(progress.certificationId())) {
            for (RenewalApi.CategoryCount c : progress.categories()) {
                BigDecimal counted = rows.containsKey(c.category()) ? rows.get(c.category()).counted() : c.cecsCounted();
                rows.put(c.category(), new CategoryRow(c.category(), counted, c.cecsReported(), c.capPerYear(),
                        c.capPerCycle()));
            }
        }
        return new ArrayList<>(rows.values());
    }

    public boolean capReached() {
        return reported != null && counted != null && reported.compareTo(counted) > 0;
    }

    /** The caps in words: "8 a year, 24 a cycle", "5 a year" or "none". */
    public String capText() {
        List<String> caps = new ArrayList<>();
        if (capPerYear != null) {
            caps.add(capPerYear.stripTrailingZeros().toPlainString() + " a year");
        }
        if (capPerCycle != null) {
            caps.add(capPerCycle.stripTrailingZeros().toPlainString() + " a cycle");
        }
        return caps.isEmpty() ? "none" : String.join(", ", caps);
    }
}
