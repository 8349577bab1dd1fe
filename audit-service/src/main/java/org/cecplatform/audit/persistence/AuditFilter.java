package org.cecplatform.audit.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Optional filters of the audit list; null means any. */
public record AuditFilter(String status, String credential, Integer year, String certificantId) {

    /** Every audit of the person. */
    public static AuditFilter ofCertificant(String certificantId) {
        return new AuditFilter(null, null, null, certificantId);
    }

    /** The {@link AuditRow} attributes this filter fixes, by name, with their values: the query's parameters. */
    Map<String, Object> parameters() {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("status", status);
        fixed.put("credential", credential);
        fixed.put("year", year);
        fixed.put("certificantId", certificantId);
        fixed.values().removeIf(value -> value == null);
        return fixed;
    }

    /** The {@code where} clause on {@link AuditRow} (alias {@code a}) for the {@link #parameters()}; empty for none. */
    String where() {
        return parameters().keySet().stream().map(name -> "a." + name + " = :" + name)
                .collect(Collectors.collectingAndThen(Collectors.joining(" and "),
                        conditions -> conditions.isEmpty() ? "" : " where " + conditions));
    }
}
