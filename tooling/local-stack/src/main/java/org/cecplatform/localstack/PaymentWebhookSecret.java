package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the renewal-service and the development payment provider share to sign and verify webhook calls: made
 * once per data folder (32 random bytes), kept in a file only its owner can read. Delete the file to rotate it; the
 * next start makes a new one.
 */
public final class PaymentWebhookSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentWebhookSecret() {
    }

    /** The secret in {@code file}, made first if the file is missing. */
    public static synchronized String loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!secret.isEmpty()) {
                return secret;
            }
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OwnerOnlyFile.write(file, out -> out.write(secret + "\n"));
        return secret;
    }
}
