package org.cecplatform.audit.config;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What configuration may change of the audit policy, which is otherwise the policy file's (levels, windows, zone,
 * sampling rates: see policy/README.md): the sampling rate of a level, in every year.
 */
@ConfigMapping(prefix = "cec.audit")
public interface AuditConfig {

    Sampling sampling();

    Documents documents();

    interface Documents {

        /** At most this many documents per audit ({@code cec.audit.documents.max-per-audit}); one more is 409. */
        @io.smallrye.config.WithDefault("50")
        int maxPerAudit();
    }

    interface Sampling {

        /**
         * One key per level, e.g. {@code cec.audit.sampling.rate.CPT=1.0} (env {@code CEC_AUDIT_SAMPLING_RATE_CPT}): a
         * fraction from 0 to 1 that replaces the policy file's rate of that level in every year.
         */
        Map<String, BigDecimal> rate();
    }
}
