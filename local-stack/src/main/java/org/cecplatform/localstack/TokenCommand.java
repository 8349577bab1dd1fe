package org.cecplatform.localstack;

import java.util.List;
import java.util.concurrent.Callable;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints one RS256 token signed with the local stack's private key, and nothing else, on stdout. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a signed JWT for the local stack (valid 12 hours).")
final class TokenCommand implements Callable<Integer> {

    static final String ISSUER = "cec-platform";
    static final List<String> ROLES = List.of("certificant", "staff", "auditor", "integration");
    private static final float VALIDITY_MINUTES = 12 * 60;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--role", required = true, description = "One of: certificant, staff, auditor, integration.")
    String role;

    @Option(names = "--subject", description = "The user (sub and upn claims); default: the role name.")
    String subject;

    @Override
    public Integer call() throws Exception {
        if (!ROLES.contains(role)) {
            throw new ParameterException(spec.commandLine(), "Unknown role '" + role + "'; use one of " + String.join(", ", ROLES));
        }
        String user = subject == null || subject.isBlank() ? role : subject;
        JwtKeys keys = new JwtKeys(dataDir.paths().jwt());
        keys.ensure();

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", role);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(VALIDITY_MINUTES);
        claims.setGeneratedJwtId();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        System.out.println(jws.getCompactSerialization());
        return 0;
    }
}
