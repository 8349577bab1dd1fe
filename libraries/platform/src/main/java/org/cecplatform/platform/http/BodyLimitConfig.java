package org.cecplatform.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * How large a request body each route accepts. Every route gets {@link #defaultLimit()} (JSON: 256 KB) unless a
 * route of {@link #routes()} matches; a service names its larger routes in its own configuration, e.g.
 * {@code cec.http.body-limit.routes.documents.path=/api/v1/audits/[^/]+/documents} and {@code ...documents.max=10304K}.
 * The server-wide ceiling ({@code quarkus.http.limits.max-body-size}) must be at least the largest of them.
 */
@ConfigMapping(prefix = "cec.http.body-limit")
public interface BodyLimitConfig {

    @io.smallrye.config.WithName("default")
    @WithDefault("256K")
    MemorySize defaultLimit();

    /** Larger (or smaller) limits for the paths they match, by name. */
    Map<String, Route> routes();

    interface Route {
        /** A regular expression that must match the whole request path. */
        String path();

        MemorySize max();
    }
}
