package org.cecplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Throw-away RSA signing keys for tests, one per key id, generated once per build under {@code target/test-jwt} (never
 * committed), and the list of key ids the test JWKS publishes ({@link TestJwks}). Kept in files because the test
 * resources, the JWKS server and the tests may live in different class loaders: every read goes to the files.
 */
final class TestKeys {

    private static final Path DIR = Path.of("target", "test-jwt").toAbsolutePath();
    private static final Path PUBLISHED = DIR.resolve("published-kids.txt");

    private TestKeys() {
    }

    static synchronized PrivateKey privateKey(String kid) {
        Path file = ensureKey(kid);
        try {
            String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half, from the private key's own modulus and exponent (one file per key, nothing to keep in step). */
    static RSAPublicKey publicKey(String kid) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey(kid);
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized List<String> published() {
        try {
            return Files.exists(PUBLISHED) ? Files.readAllLines(PUBLISHED).stream().filter(l -> !l.isBlank()).toList()
                    : List.of(TestJwks.FIRST_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void publish(List<String> kids) {
        kids.forEach(TestKeys::ensureKey);
        writeAtomically(PUBLISHED, String.join("\n", kids) + "\n");
    }

    private static Path ensureKey(String kid) {
        if (!kid.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("A test key id is letters, digits and '-': " + kid);
        }
        Path file = DIR.resolve(kid + ".private-key.pem");
        if (Files.exists(file)) {
            return file;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            writeAtomically(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Readers in other class loaders see the old file or the new one, never half of it. */
    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(DIR);
            Path tmp = Files.createTempFile(DIR, "tmp-", ".part");
            Files.writeString(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
