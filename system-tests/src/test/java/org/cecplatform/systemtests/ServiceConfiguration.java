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

    private final Set<String> variables;

    private ServiceConfiguration(Set<String> variables) {
        this.variables = variables;
    }

    static ServiceConfiguration of(Path repoRoot) {
        Set<String> names = new TreeSet<>();
        for (Path file : files(repoRoot)) {
            try {
                Matcher m = VARIABLE.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return new ServiceConfiguration(names);
    }

    static List<Path> files(Path repoRoot) {
        List<Path> files = new java.util.ArrayList<>();
        files.add(repoRoot.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        for (PlatformService service : PlatformService.values()) {
            files.add(repoRoot.resolve(service.moduleName()).resolve("src/main/resources/application.properties"));
        }
        return files;
    }

    /** The names found in the configuration files (without the QUARKUS_ family). */
    Set<String> variables() {
        return variables;
    }

    boolean reads(String name) {
        return variables.contains(name) || name.startsWith("QUARKUS_");
    }
}
