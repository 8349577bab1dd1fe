package org.cecplatform.localstack;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by the commands; falls back to $CEC_STACK_DATA, then {@code <repo>/.local-stack}. */
final class DataDirOption {

    @Option(names = "--data-dir", defaultValue = "${env:CEC_STACK_DATA}",
            description = "Data folder kept across restarts (default: $CEC_STACK_DATA or <repo>/.local-stack).")
    Path dataDir;

    StackPaths paths() {
        Path repoRoot = StackPaths.locateRepoRoot();
        Path data = dataDir != null ? dataDir : repoRoot.resolve(".local-stack");
        StackPaths paths = new StackPaths(repoRoot, data.toAbsolutePath().normalize());
        // Must happen before the first SLF4J logger is created: log4j2.xml reads it to place the log files.
        System.setProperty("cec.stack.logs", paths.logs().toString());
        return paths;
    }
}
