package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attested CEC totals of the renewal form, in its designated fields (null means not filled in: 0). */
public record AttestedCecs(BigDecimal ceOnlineAndAcsmEvents, BigDecimal otherProviders, BigDecimal collegeCourses,
                           BigDecimal committeeService, BigDecimal cprAedFirstAid,
                           BigDecimal publicationsAndPresentations) {

    /** The fields by their JSON names, in form order. */
    public Map<String, BigDecimal> fields() {
        Map<String, BigDecimal> fields = new LinkedHashMap<>();
        fields.put("ceOnlineAndAcsmEvents", ceOnlineAndAcsmEvents);
        fields.put("otherProviders", otherProviders);
        fields.put("collegeCourses", collegeCourses);
        fields.put("committeeService", committeeService);
        fields.put("cprAedFirstAid", cprAedFirstAid);
        fields.put("publicationsAndPresentations", publicationsAndPresentations);
        return fields;
    }

    /** The fields as counted: blanks as 0, the capped fields at most their cap. */
    public AttestedCecs counted(AttestationCaps caps) {
        return new AttestedCecs(zeroIfNull(ceOnlineAndAcsmEvents), zeroIfNull(otherProviders),
                zeroIfNull(collegeCourses), zeroIfNull(committeeService).min(caps.committeeService()),
                zeroIfNull(cprAedFirstAid).min(caps.cprAedFirstAid()), zeroIfNull(publicationsAndPresentations));
    }

    public BigDecimal total() {
        return fields().values().stream().map(AttestedCecs::zeroIfNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
