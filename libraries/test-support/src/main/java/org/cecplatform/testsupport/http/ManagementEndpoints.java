package org.cecplatform.testsupport.http;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;

/**
 * The service's health and metrics endpoints, for a @QuarkusTest that extends this class. They live on the management
 * interface (its own free port in tests), not on the API port.
 */
public abstract class ManagementEndpoints {

    @TestHTTPResource(value = "/health/live", management = true)
    protected URL live;
    @TestHTTPResource(value = "/health/ready", management = true)
    protected URL ready;
    @TestHTTPResource(value = "/metrics", management = true)
    protected URL metrics;
}
