package org.cecplatform.kafka.access;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A password per Kafka principal, for a broker this product runs itself (the local stack, the tests): random, kept in
 * a file readable only by its owner, and extended with a new password when the rights table gains a principal.
 * Production takes its credentials from the platform's secrets instead (Strimzi KafkaUsers).
 */
public final class KafkaCredentials {

    /** The broker's own principal (controller and inter-broker connections): the only super user, never a client's. */
    public static final String BROKER = "broker";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SortedMap<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = new TreeMap<>(passwords);
    }

    /** Fresh passwords for the broker and every principal of the table (a test broker's, say). */
    public static KafkaCredentials generate(KafkaRights rights) {
        KafkaCredentials credentials = new KafkaCredentials(Map.of());
        credentials.addMissing(rights.principals());
        return credentials;
    }

    /**
     * The credentials kept in {@code file}, with a new password for the broker and any principal of the table that
     * has none yet (a data folder from before this table, or from before a principal was added). Written back only
     * when something was added.
     */
    public static KafkaCredentials loadOrCreate(Path file, KafkaRights rights) {
        try {
            KafkaCredentials credentials = Files.isRegularFile(file) ? load(file) : new KafkaCredentials(Map.of());
            if (credentials.addMissing(rights.principals())) {
                credentials.write(file);
            }
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the Kafka credentials in " + file, e);
        }
    }

    /** The credentials kept in {@code file}, as they are (the passwords of an existing cluster's principals, say). */
    public static KafkaCredentials load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no Kafka credentials at " + file);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties stored = new Properties();
            stored.load(in);
            Map<String, String> passwords = new TreeMap<>();
            stored.stringPropertyNames().forEach(name -> passwords.put(name, stored.getProperty(name).strip()));
            return new KafkaCredentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Kafka credentials in " + file, e);
        }
    }

    public String password(String principal) {
        String password = passwords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka credentials for '" + principal + "'; known: " + passwords.keySet());
        }
        return password;
    }

    /** Every principal with a password, the broker's included. */
    public SortedMap<String, String> all() {
        return new TreeMap<>(passwords);
    }

    private boolean addMissing(Collection<String> principals) {
        boolean added = false;
        TreeSet<String> wanted = new TreeSet<>(principals);
        wanted.add(BROKER);
        for (String principal : wanted) {
            if (!passwords.containsKey(principal)) {
                passwords.put(principal, newPassword());
                added = true;
            }
        }
        return added;
    }

    private void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "Kafka SASL credentials of this data folder, one password per principal. "
                    + "Made by the local stack; delete a line to have a new password made on the next start.");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
