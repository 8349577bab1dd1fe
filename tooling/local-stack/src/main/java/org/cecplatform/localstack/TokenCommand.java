package org.cecplatform.localstack;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints one RS256 token signed with the local stack's private key, and nothing else, on stdout. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a signed JWT for the local stack (valid 12 hours).")
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--role", required = true, description = "One of: certificant, staff, auditor, integration.")
    String role;

    @Option(names = "--subject", description = "The user (sub and upn claims); default: the role name.")
    String subject;

    @Option(names = "--certificant-id", description = "The certificantId claim: a staff member or auditor who is"
            + " also this certificant (optional).")
    String certificantId;

    @Override
    public Integer call() throws Exception {
        if (!TokenMinter.ROLES.contains(role)) {
            throw new ParameterException(spec.commandLine(), "Unknown role '" + role + "'; use one of " + String.join(", ", TokenMinter.ROLES));
        }
        TokenMinter minter = TokenMinter.using(new JwtKeys(dataDir.paths().jwt()));
        System.out.println(minter.mint(role, subject, certificantId, TokenMinter.DEFAULT_VALIDITY));
        return 0;
    }
}
