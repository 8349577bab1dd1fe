package org.cecplatform.localstack;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Lists, rotates or retires the local stack's token keys; a running stack serves the change at once, and its services
 * follow it without a restart (docs/security.md, "Tokens").
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Shows the token keys; --rotate makes a new signing key (the old ones stay published), --retire "
                + "unpublishes all but the signing key.")
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--rotate", description = "A new signing key, published beside the current ones.")
    boolean rotate;

    @Option(names = "--retire", description = "Unpublish every key but the signing key: their tokens stop working.")
    boolean retire;

    @Override
    public Integer call() throws Exception {
        if (rotate && retire) {
            throw new ParameterException(spec.commandLine(), "--rotate or --retire, not both: rotate, wait until the "
                    + "tokens of the old key have expired or are no longer wanted, then retire");
        }
        JwtKeys keys = new JwtKeys(dataDir.paths().jwt());
        keys.ensure();
        if (rotate) {
            System.out.println("New signing key " + keys.rotate());
        }
        if (retire) {
            List<String> removed = keys.retire();
            System.out.println(removed.isEmpty() ? "Nothing to retire" : "Retired " + String.join(", ", removed));
        }
        System.out.println("Signing key " + keys.keyId());
        System.out.println("Published   " + String.join(", ", keys.publishedKeyIds()) + " (" + keys.jwksFile() + ")");
        return 0;
    }
}
