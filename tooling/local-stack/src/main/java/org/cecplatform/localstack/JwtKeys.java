package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The local stack's token keys, in the data folder (which git ignores): {@code private-key.pem} signs ({@code token},
 * {@link LocalStackCluster#mintToken}), {@code jwks.json} publishes the public keys the services trust ({@link
 * JwksServer} serves it). A key's id ({@code kid}) is its RFC 7638 thumbprint, so a kid never needs a file of its own.
 * Rotation: {@link #rotate()} makes a new signing key and publishes it beside the old ones (tokens already handed out
 * keep working), {@link #retire()} then unpublishes all but the signing key. Files are replaced by atomic renames, so
 * the server (another process, maybe) reads the old set or the new one, never half of it; the set is written before
 * the key that signs with it.
 */
final class JwtKeys {

    private final Path dir;

    JwtKeys(Path dir) {
        this.dir = dir;
    }

    Path privateKeyFile() {
        return dir.resolve("private-key.pem");
    }

    Path jwksFile() {
        return dir.resolve("jwks.json");
    }

    /**
     * Generates the first key unless there is one. Race-free: written to a temporary folder, then renamed into place. A
     * folder from before the JWKS (a key pair only) gets its key published.
     */
    void ensure() throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(privateKeyFile()) && Files.isRegularFile(jwksFile())) {
            return;
        }
        if (Files.isRegularFile(privateKeyFile())) {
            writeAtomically(jwksFile(), jwks(List.of(publicJwk(privateKey()))));
            return;
        }
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " holds no private-key.pem: delete the folder to generate a new key.");
        }
        Files.createDirectories(dir.getParent());
        PrivateKey key = generate();
        Path tmp = Files.createTempDirectory(dir.getParent(), "jwt-");
        try {
            writePrivateKey(tmp.resolve("private-key.pem"), key);
            Files.writeString(tmp.resolve("jwks.json"), jwks(List.of(publicJwk(key))), StandardCharsets.UTF_8);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another process (e.g. `up` and `token` at once) created the key first: use theirs.
            deleteTree(tmp);
        }
    }

    PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    /** The kid of the signing key. */
    String keyId() throws IOException, GeneralSecurityException {
        return publicJwk(privateKey()).getKeyId();
    }

    /** The kids the JWKS publishes, newest first. */
    List<String> publishedKeyIds() throws IOException, GeneralSecurityException {
        return published().stream().map(JsonWebKey::getKeyId).toList();
    }

    /** A new signing key, published first; the keys published so far stay. Returns the new kid. */
    String rotate() throws IOException, GeneralSecurityException {
        ensure();
        PrivateKey key = generate();
        RsaJsonWebKey jwk = publicJwk(key);
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(jwk);
        keys.addAll(published());
        writeAtomically(jwksFile(), jwks(keys));
        Path tmp = Files.createTempFile(dir, "private-key-", ".part");
        writePrivateKey(tmp, key);
        Files.move(tmp, privateKeyFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jwk.getKeyId();
    }

    /** Unpublishes every key but the signing one; returns the kids removed. */
    List<String> retire() throws IOException, GeneralSecurityException {
        ensure();
        String current = keyId();
        List<String> removed = publishedKeyIds().stream().filter(kid -> !kid.equals(current)).toList();
        writeAtomically(jwksFile(), jwks(List.of(publicJwk(privateKey()))));
        return removed;
    }

    private List<JsonWebKey> published() throws IOException, GeneralSecurityException {
        try {
            return new JsonWebKeySet(Files.readString(jwksFile(), StandardCharsets.UTF_8)).getJsonWebKeys();
        } catch (JoseException e) {
            throw new GeneralSecurityException(jwksFile() + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    private static PrivateKey generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The public half (from the private key's modulus and exponent), with its thumbprint as kid, for RS256 signatures. */
    static RsaJsonWebKey publicJwk(PrivateKey key) throws GeneralSecurityException {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    private static String jwks(List<? extends JsonWebKey> keys) {
        return new JsonWebKeySet(List.copyOf(keys)).toJson();
    }

    private static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "jwks-", ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
