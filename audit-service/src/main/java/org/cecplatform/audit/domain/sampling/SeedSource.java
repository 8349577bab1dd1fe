package org.cecplatform.audit.domain.sampling;

import java.security.SecureRandom;

/** Where new level-year seeds come from: the operating system's secure random source in production. */
@FunctionalInterface
public interface SeedSource {

    Seed newSeed();

    static SeedSource secure() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[Seed.BYTES];
            random.nextBytes(bytes);
            return Seed.of(bytes);
        };
    }
}
