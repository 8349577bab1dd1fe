package org.cecplatform.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The PostgreSQL roles of the local stack's services and their passwords (docs/security.md): per database an owner
 * role that the migrations log in as ({@code ledger_owner}) and a runtime role that the service logs in as
 * ({@code ledger_app}). The passwords are random, kept in a file of the data folder readable only by its owner, and
 * completed when a database or role is new to that folder; delete a line to have a new password made (and set on
 * the server) on the next start.
 */
final class DatabaseCredentials {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SortedMap<String, String> passwords;

    private DatabaseCredentials(Map<String, String> passwords) {
        this.passwords = new TreeMap<>(passwords);
    }

    /** The role that owns the database's schema and runs its migrations. */
    static String ownerRole(String database) {
        return database + "_owner";
    }

    /** The role the service runs as: it owns nothing and may only read and write the database's tables. */
    static String runtimeRole(String database) {
        return database + "_app";
    }

    /** The passwords kept in {@code file}, with a new one for every role of {@code databases} that has none yet. */
    static DatabaseCredentials loadOrCreate(Path file, Collection<String> databases) {
        try {
            DatabaseCredentials credentials = new DatabaseCredentials(Files.isRegularFile(file) ? read(file) : Map.of());
            boolean added = false;
            for (String database : databases) {
                added |= credentials.addMissing(ownerRole(database));
                added |= credentials.addMissing(runtimeRole(database));
            }
            if (added) {
                credentials.write(file);
            }
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the PostgreSQL credentials in " + file, e);
        }
    }

    String password(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no PostgreSQL password for role '" + role + "'; known: " + passwords.keySet());
        }
        return password;
    }

    /** Every role with a password. */
    java.util.Set<String> roles() {
        return java.util.Collections.unmodifiableSet(passwords.keySet());
    }

    private boolean addMissing(String role) {
        return passwords.putIfAbsent(role, newPassword()) == null;
    }

    private static Map<String, String> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties stored = new Properties();
            stored.load(in);
            Map<String, String> passwords = new TreeMap<>();
            stored.stringPropertyNames().forEach(role -> passwords.put(role, stored.getProperty(role).strip()));
            return passwords;
        }
    }

    private void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(passwords);
        OwnerOnlyFile.write(file, out -> properties.store(out, "PostgreSQL passwords of this data folder's service roles"
                + " (<db>_owner: migrations, <db>_app: the service). Made by the local stack; delete a line to have a new"
                + " password made and set on the next start."));
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
