package org.cecplatform.localstack;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four services of the platform: module (and process) name, database, and the launcher's variables and default
 * ports for the API and for the management interface (health and metrics).
 */
public enum PlatformService {
    LEDGER("ledger-service", "ledger", "LEDGER_PORT", 8081, 9081),
    RENEWAL("renewal-service", "renewal", "RENEWAL_PORT", 8082, 9082),
    AUDIT("audit-service", "audit", "AUDIT_PORT", 8083, 9083),
    NOTIFICATION("notification-service", "notification", "NOTIFICATION_PORT", 8085, 9085);

    private final String moduleName;
    private final String database;
    private final String portVariable;
    private final int defaultPort;
    private final int defaultManagementPort;

    PlatformService(String moduleName, String database, String portVariable, int defaultPort, int defaultManagementPort) {
        this.moduleName = moduleName;
        this.database = database;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
    }

    /** The Maven module, also the service's name in logs and PID files: {@code ledger-service}. */
    public String moduleName() { return moduleName; }

    /** Its own PostgreSQL database: {@code ledger}. */
    public String database() { return database; }

    /** The launcher's variable for its HTTP port: {@code LEDGER_PORT}. */
    public String portVariable() { return portVariable; }

    /** Its HTTP port in the local stack unless told otherwise: 8081. */
    public int defaultPort() { return defaultPort; }

    /** The launcher's variable for its management port (health, metrics): {@code LEDGER_MANAGEMENT_PORT}. */
    public String managementPortVariable() { return database.toUpperCase(Locale.ROOT) + "_MANAGEMENT_PORT"; }

    /** Its management port in the local stack unless told otherwise: 9081. */
    public int defaultManagementPort() { return defaultManagementPort; }

    /** Accepts {@code ledger-service}, {@code ledger} or {@code LEDGER}. */
    public static PlatformService named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.moduleName.equals(wanted) || s.database.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named '" + name + "'; use ledger, renewal, audit or notification"));
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
