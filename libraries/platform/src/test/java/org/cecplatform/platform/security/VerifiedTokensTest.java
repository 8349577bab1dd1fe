package org.cecplatform.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * A token is verified once and then answered from memory only while it is unexpired and younger than the maximum age;
 * failures are never kept.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final long SKEW = 60;
    private static final long MAX_AGE = 3600;

    /** The real verifier's place: counts its calls, accepts tokens it was told about, refuses the rest. */
    static final class CountingVerifier extends DefaultJWTParser {
        final Map<String, Long> expiries = new HashMap<>();
        final Map<String, Long> issued = new HashMap<>();
        final Map<String, Integer> calls = new HashMap<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            Long exp = expiries.get(token);
            if (exp == null) {
                throw new ParseException("signature does not verify");
            }
            return new Jwt(token, exp, issued.getOrDefault(token, NOW.getEpochSecond()));
        }
    }

    record Jwt(String raw, long exp, long iat) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return raw.startsWith("no-sub") ? Set.of("exp", "iat") : Set.of("exp", "iat", "sub");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            if ("sub".equals(name)) {
                return raw.startsWith("no-sub") ? null : (T) "someone";
            }
            if ("iat".equals(name)) {
                return (T) Long.valueOf(iat);
            }
            return "exp".equals(name) ? (T) Long.valueOf(exp) : null;
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();

    private VerifiedTokens at(Instant now) {
        return new VerifiedTokens(verifier, SKEW, MAX_AGE, Clock.fixed(now, ZoneOffset.UTC), 100, Duration.ofMinutes(5));
    }

    @Test
    void aTokenWithoutASubjectIsRefusedAndNeverRemembered() {
        verifier.expiries.put("no-sub", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = at(NOW);

        assertThatThrownBy(() -> tokens.parse("no-sub")).isInstanceOf(ParseException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> tokens.parse("no-sub")).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).containsEntry("no-sub", 2);
    }

    @Test
    void aValidTokenIsVerifiedOnceAndThenAnsweredFromMemory() throws ParseException {
        verifier.expiries.put("good", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = at(NOW);

        JsonWebToken first = tokens.parse("good");
        JsonWebToken second = tokens.parse("good");

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).containsEntry("good", 1);
    }

    @Test
    void aRememberedTokenPastItsExpiryAndSkewGoesBackToTheVerifier() throws ParseException {
        long exp = NOW.plusSeconds(10).getEpochSecond();
        verifier.expiries.put("short", exp);
        StepClock clock = new StepClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, SKEW, MAX_AGE, clock, 100, Duration.ofMinutes(5));
        tokens.parse("short");
        clock.now = Instant.ofEpochSecond(exp + SKEW);
        tokens.parse("short");
        assertThat(verifier.calls).as("still within the skew: from memory").containsEntry("short", 1);

        clock.now = Instant.ofEpochSecond(exp + SKEW + 1);
        verifier.expiries.remove("short"); // the verifier now refuses it as expired
        assertThatThrownBy(() -> tokens.parse("short")).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).containsEntry("short", 2);
    }

    @Test
    void aRememberedTokenPastTheMaximumAgeGoesBackToTheVerifierEvenBeforeItExpires() throws ParseException {
        long iat = NOW.minusSeconds(MAX_AGE - 10).getEpochSecond();
        verifier.issued.put("ageing", iat);
        verifier.expiries.put("ageing", NOW.plusSeconds(6 * 3600).getEpochSecond());
        StepClock clock = new StepClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, SKEW, MAX_AGE, clock, 100, Duration.ofMinutes(5));
        tokens.parse("ageing");
        clock.now = Instant.ofEpochSecond(iat + MAX_AGE);
        tokens.parse("ageing");
        assertThat(verifier.calls).as("exactly the maximum age: from memory").containsEntry("ageing", 1);

        clock.now = Instant.ofEpochSecond(iat + MAX_AGE + 1);
        verifier.expiries.remove("ageing"); // the verifier now refuses it as too old
        assertThatThrownBy(() -> tokens.parse("ageing")).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).containsEntry("ageing", 2);
    }

    @Test
    void withoutAMaximumAgeOnlyTheExpiryCounts() throws ParseException {
        verifier.issued.put("old", NOW.minusSeconds(30 * 24 * 3600).getEpochSecond());
        verifier.expiries.put("old", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(verifier, SKEW, null, Clock.fixed(NOW, ZoneOffset.UTC), 100,
                Duration.ofMinutes(5));

        tokens.parse("old");
        tokens.parse("old");

        assertThat(verifier.calls).containsEntry("old", 1);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndIsCheckedEveryTime() {
        VerifiedTokens tokens = at(NOW);

        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);

        assertThat(verifier.calls).containsEntry("forged", 2);
    }

    @Test
    void tokensAreRememberedByTheirExactText() throws ParseException {
        verifier.expiries.put("token-a", NOW.plusSeconds(3600).getEpochSecond());
        verifier.expiries.put("token-b", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = at(NOW);

        assertThat(((Jwt) tokens.parse("token-a")).raw()).isEqualTo("token-a");
        assertThat(((Jwt) tokens.parse("token-b")).raw()).isEqualTo("token-b");
        assertThat(verifier.calls).containsEntry("token-a", 1).containsEntry("token-b", 1);
    }

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        volatile Instant now;

        StepClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
