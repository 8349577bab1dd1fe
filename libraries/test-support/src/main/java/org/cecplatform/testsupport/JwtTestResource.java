package org.cecplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Serves the test JWKS ({@link TestJwks}) over HTTP and points the service's token verification at it. Audience and
 * maximum age stay the shipped defaults, so the tests check what production runs. Verified tokens are remembered for
 * 2 seconds instead of minutes, so that a key removed from the JWKS stops working within seconds in a test.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** How long a service under test remembers a verified token ({@code cec.security.verified-tokens.keep-for}). */
    public static final int KEEP_FOR_SECONDS = 2;

    private TestJwks jwks;

    @Override
    public Map<String, String> start() {
        jwks = TestJwks.start();
        return Map.of(
                "mp.jwt.verify.publickey.location", jwks.url(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "cec.security.verified-tokens.keep-for", KEEP_FOR_SECONDS + "S");
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.close();
        }
    }
}
