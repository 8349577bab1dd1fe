package org.cecplatform.audit.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Optional filters of the audit list; null means any. */
public record AuditFilter(String status, String credential, Integer year, String certificantId) {

    /** Every audit of the person. */
    public static AuditFilter ofCertificant(String certificantId) {
        return new AuditFilter(null, null, null, certificantId);
    }

    /** The {@code where} clause on {@code audit} for the filters that are set; empty for none. */
    String where() {
        List<String> conditions = fixedColumns().keySet().stream().map(column -> column + " = ?").toList();
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The values of {@link #where()}'s parameters, in its order. */
    Object[] parameters() {
        return new ArrayList<>(fixedColumns().values()).toArray();
    }

    /** The columns this filter fixes, with their values, in one order. */
    private Map<String, Object> fixedColumns() {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("status", status);
        fixed.put("credential", credential);
        fixed.put("year", year);
        fixed.put("certificant_id", certificantId);
        fixed.values().removeIf(value -> value == null);
        return fixed;
    }
}
