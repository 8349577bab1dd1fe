package org.cecplatform.policy;

import java.util.List;

/** A policy that cannot be read or contradicts itself; the message names the source and every problem found. */
public class InvalidPolicyException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidPolicyException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public InvalidPolicyException(String source, String problem, Throwable cause) {
        super(message(source, List.of(problem)), cause);
        this.source = source;
        this.problems = List.of(problem);
    }

    /** Where the policy was read from: a file path or the shipped resource. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        return "The policy " + source + " is refused (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems);
    }
}
