package org.cecplatform.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: {@code cec.repo.root} (set by the build), else the nearest ancestor of the working directory with local-stack/pom.xml. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path path() {
        String configured = System.getProperty("cec.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tooling/local-stack/pom.xml")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath() + "; set -Dcec.repo.root");
    }
}
