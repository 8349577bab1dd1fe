package org.cecplatform.localstack;

import java.util.Arrays;
import java.util.Locale;

/** The three services of the platform: module (and process) name, database, and the launcher's port variable and default port. */
public enum PlatformService {
    LEDGER("ledger-service", "ledger", "LEDGER_PORT", 8081),
    RENEWAL("renewal-service", "renewal", "RENEWAL_PORT", 8082),
    AUDIT("audit-service", "audit", "AUDIT_PORT", 8083);

    private final String moduleName;
    private final String database;
    private final String portVariable;
    private final int defaultPort;

    PlatformService(String moduleName, String database, String portVariable, int defaultPort) {
        this.moduleName = moduleName;
        this.database = database;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, also the service's name in logs and PID files: {@code ledger-service}. */
    public String moduleName() { return moduleName; }

    /** Its own PostgreSQL database: {@code ledger}. */
    public String database() { return database; }

    /** The launcher's variable for its HTTP port: {@code LEDGER_PORT}. */
    public String portVariable() { return portVariable; }

    /** Its HTTP port in the local stack unless told otherwise: 8081. */
    public int defaultPort() { return defaultPort; }

    /** Accepts {@code ledger-service}, {@code ledger} or {@code LEDGER}. */
    public static PlatformService named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.moduleName.equals(wanted) || s.database.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named '" + name + "'; use ledger, renewal or audit"));
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
