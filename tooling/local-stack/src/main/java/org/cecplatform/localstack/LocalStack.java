package org.cecplatform.localstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point: {@code java -jar local-stack.jar up | token | keys | topics | produce | demo}. */
@Command(name = "local-stack",
        mixinStandardHelpOptions = true,
        description = "Runs the CEC platform on this machine: embedded PostgreSQL, an in-process Kafka broker, "
                + "the topics, the token keys and their JWKS, and the three services.",
        subcommands = {UpCommand.class, TokenCommand.class, KeysCommand.class, TopicsCommand.class, ProduceCommand.class,
                PayCommand.class, DemoCommand.class})
public final class LocalStack implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: up, token, keys, topics, produce or demo");
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new LocalStack()).execute(args);
        // Explicit exit: client libraries may leave non-daemon threads behind.
        System.exit(exitCode);
    }
}
