package org.cecplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A throw-away RSA key pair for tests, generated once per build under {@code target/test-jwt} (never committed). Kept
 * in files because the test resources and the tests may live in different class loaders.
 */
final class TestKeys {

    private static final Path DIR = Path.of("target", "test-jwt").toAbsolutePath();
    private static final Path PRIVATE_KEY = DIR.resolve("private-key.pem");
    private static final Path PUBLIC_KEY = DIR.resolve("public-key.pem");

    private TestKeys() {
    }

    static synchronized Path publicKeyFile() {
        ensureKeyPair();
        return PUBLIC_KEY;
    }

    static synchronized PrivateKey privateKey() {
        ensureKeyPair();
        try {
            String pem = Files.readString(PRIVATE_KEY)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureKeyPair() {
        if (Files.exists(PRIVATE_KEY) && Files.exists(PUBLIC_KEY)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
