package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The RSA key pair of the local stack: the services verify tokens with the public key (JWT_PUBLIC_KEY_LOCATION),
 * {@code token} signs with the private key. Generated once into the data folder, which git ignores.
 */
final class JwtKeys {

    private final Path dir;

    JwtKeys(Path dir) {
        this.dir = dir;
    }

    Path publicKeyFile() {
        return dir.resolve("public-key.pem");
    }

    Path privateKeyFile() {
        return dir.resolve("private-key.pem");
    }

    /** Generates the pair unless it exists. Race-free: written to a temporary folder, then renamed into place. */
    void ensure() throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(publicKeyFile()) && Files.isRegularFile(privateKeyFile())) {
            return;
        }
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " holds an incomplete key pair: delete the folder to generate a new one.");
        }
        Files.createDirectories(dir.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmp = Files.createTempDirectory(dir.getParent(), "jwt-");
        try {
            writePem(tmp.resolve("public-key.pem"), "PUBLIC KEY", pair.getPublic().getEncoded()); // X.509 SubjectPublicKeyInfo
            Path privateKey = tmp.resolve("private-key.pem");
            writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded()); // PKCS#8
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another process (e.g. `up` and `token` at once) created the pair first: use theirs.
            deleteTree(tmp);
        }
    }

    PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
