package org.cecplatform.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once. A member's app or a staff console sends the same token with every request, and
 * checking its RSA signature every time was the largest single cost of a read. The exact token text that passed the
 * full verification (signature with a key of the JWKS, issuer, audience, expiry, maximum age) is remembered, bounded in
 * number and for {@code cec.security.verified-tokens.keep-for} at most, and answered from memory only while it is
 * still unexpired and younger than the maximum age ({@code mp.jwt.verify.token.age}): a remembered token is never
 * accepted longer than the verifier would accept it. Anything else, including every token that failed, goes through
 * the verifier again. Expiry and age are real time (expiry with the verifier's own clock skew, age without, as the
 * verifier checks them), not the service clock, which staff may move. Audience and issuer are fixed configuration,
 * so a remembered answer stays right for them. A key removed from the JWKS stops working for remembered tokens within
 * keep-for after the verifier has dropped it (docs/security.md, "Tokens", gives the whole bound). A token without a
 * {@code sub} claim is refused (401): the caller is the subject everywhere ({@link Caller}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final long clockSkewSeconds;
    private final Long maxAgeSeconds; // null: no maximum age
    private final Clock realTime;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, JWTAuthContextInfo context,
                          @ConfigProperty(name = "cec.security.verified-tokens.max", defaultValue = "10000") long max,
                          @ConfigProperty(name = "cec.security.verified-tokens.keep-for", defaultValue = "5M")
                          Duration keepFor) {
        this(verifier, context.getClockSkew(), context.getTokenAge(), Clock.systemUTC(), max, keepFor);
    }

    VerifiedTokens(DefaultJWTParser verifier, long clockSkewSeconds, Long maxAgeSeconds, Clock realTime, long max,
                   Duration keepFor) {
        this.verifier = verifier;
        this.clockSkewSeconds = clockSkewSeconds;
        this.maxAgeSeconds = maxAgeSeconds;
        this.realTime = realTime;
        this.verified = Caffeine.newBuilder().maximumSize(max).expireAfterWrite(keepFor).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && unexpired(known) && youngEnough(known)) {
            return known;
        }
        JsonWebToken jwt = withSubject(verifier.parse(token));
        verified.put(token, jwt);
        return jwt;
    }

    private static JsonWebToken withSubject(JsonWebToken jwt) throws ParseException {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new ParseException("The token has no subject (sub claim)");
        }
        return jwt;
    }

    private boolean unexpired(JsonWebToken jwt) {
        return realTime.instant().getEpochSecond() <= jwt.getExpirationTime() + clockSkewSeconds;
    }

    /** The verifier's own rule: refused once more than the maximum age has passed since {@code iat}. */
    private boolean youngEnough(JsonWebToken jwt) {
        return maxAgeSeconds == null || realTime.instant().getEpochSecond() - jwt.getIssuedAtTime() <= maxAgeSeconds;
    }

    // Everything else is the verifier's, unchanged.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return withSubject(verifier.parse(token, context));
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
