package org.cecplatform.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff console in the local stack: a web app beside the services (no database, no Kafka) that signs people in
 * with the stack's {@link DevOidcProvider} and calls the three services with their tokens. Started after the services.
 */
final class StaffConsole {

    static final String NAME = "staff-console";
    static final int DEFAULT_PORT = 8084;
    static final int DEFAULT_MANAGEMENT_PORT = 9084;

    private StaffConsole() {
    }

    /** The console's configuration contract (the variables its application.properties reads). */
    static Map<String, String> environment(ServicePorts ports, Map<PlatformService, String> serviceUrls, DevOidcProvider oidc) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HTTP_PORT", Integer.toString(ports.http()));
        vars.put("HTTP_HOST", "127.0.0.1");
        vars.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        vars.put("MANAGEMENT_HOST", "127.0.0.1");
        vars.put("LEDGER_URL", serviceUrls.get(PlatformService.LEDGER));
        vars.put("RENEWAL_URL", serviceUrls.get(PlatformService.RENEWAL));
        vars.put("AUDIT_URL", serviceUrls.get(PlatformService.AUDIT));
        vars.put("NOTIFICATION_URL", serviceUrls.get(PlatformService.NOTIFICATION));
        vars.put("OIDC_AUTH_SERVER_URL", oidc.authServerUrl());
        vars.put("OIDC_CLIENT_ID", DevOidcProvider.CLIENT_ID);
        vars.put("OIDC_CLIENT_SECRET", oidc.clientSecret());
        return vars;
    }
}
