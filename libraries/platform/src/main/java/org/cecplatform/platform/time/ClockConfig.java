package org.cecplatform.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cec.clock")
public interface ClockConfig {

    /**
     * Whether staff may set the clock through {@code PUT /api/v1/admin/clock}. Off by default (production); on in
     * the local stack and in tests. Environment variable {@code CEC_CLOCK_SETTABLE}.
     */
    @WithDefault("false")
    boolean settable();
}
