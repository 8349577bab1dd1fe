package org.cecplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cecplatform.localstack.PlatformService;

/**
 * The environment variables the services read: every {@code ${NAME}} / {@code ${NAME:default}} in the shared
 * microprofile-config.properties and in each service's application.properties, plus Quarkus' own {@code QUARKUS_*}.
 */
final class ServiceConfiguration {

    /** An upper-case name right after "${" (lower-case ones such as ${cec.db.default-name} are properties, not variables). */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** A property key set in a properties file, with or without a profile ({@code %test.}). */
    private static final Pattern PROPERTY_KEY = Pattern.compile("(?m)^(?:%[\\w-]+\\.)?([a-z][A-Za-z0-9_.\\-]*)\\s*=");

    private final Set<String> variables;
    private final Set<String> propertiesAsVariables;

    private ServiceConfiguration(Set<String> variables, Set<String> propertiesAsVariables) {
        this.variables = variables;
        this.propertiesAsVariables = propertiesAsVariables;
    }

    static ServiceConfiguration of(Path repoRoot) {
        return read(files(repoRoot));
    }

    /** The staff console's variables: its own application.properties (it has none of the platform's). */
    static ServiceConfiguration ofStaffConsole(Path repoRoot) {
        return read(List.of(repoRoot.resolve("staff-console/src/main/resources/application.properties")));
    }

    private static ServiceConfiguration read(List<Path> files) {
        Set<String> names = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        for (Path file : files) {
            try {
                String text = Files.readString(file);
                Matcher m = VARIABLE.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                Matcher k = PROPERTY_KEY.matcher(text);
                while (k.find()) {
                    properties.add(asVariable(k.group(1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new ServiceConfiguration(names, properties);
    }

    static List<Path> files(Path repoRoot) {
        List<Path> files = new java.util.ArrayList<>();
        files.add(repoRoot.resolve("libraries/platform/src/main/resources/META-INF/microprofile-config.properties"));
        for (PlatformService service : PlatformService.values()) {
            files.add(repoRoot.resolve(service.moduleName()).resolve("src/main/resources/application.properties"));
        }
        return files;
    }

    /** The names found in the configuration files (without the QUARKUS_ family). */
    Set<String> variables() {
        return variables;
    }

    /**
     * A {@code ${NAME}} of the files, a {@code QUARKUS_*}, or the environment form of a property the files set
     * (MicroProfile Config reads {@code CEC_AUDIT_SAMPLING_RATE_CPT} for {@code cec.audit.sampling.rate.CPT}).
     */
    boolean reads(String name) {
        return variables.contains(name) || name.startsWith("QUARKUS_") || propertiesAsVariables.contains(name);
    }

    /** MicroProfile Config's environment name of a property: every character but letters and digits → '_', upper case. */
    static String asVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
