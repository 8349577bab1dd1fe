package org.cecplatform.renewal.application;

import java.security.SecureRandom;

/**
 * Payment references the service issues, one per renewal request: {@code RNW-} and 20 random base-32 characters (100
 * bits), so a reference cannot be guessed and a payment names exactly one renewal. Unambiguous letters only (no I, L,
 * O, U), since members may read one out on the phone.
 */
final class PaymentReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentReferences() {
    }

    static String next() {
        StringBuilder reference = new StringBuilder("RNW-");
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
