package org.cecplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cecplatform.localstack.PlatformService;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's walkthrough, every command as written, with bash against the shared stack: the stack's URLs in
 * LEDGER / RENEWAL / AUDIT, its data folder in CEC_STACK_DATA (so deploy/token.sh signs with its key) and its broker
 * in KAFKA_BOOTSTRAP_SERVERS (for deploy/produce.sh). Fails when a command fails or an expected answer is missing.
 */
@SystemTest
class WalkthroughSystemTest {

    @Test
    void theReadmeWalkthroughRunsAsWritten(SystemUnderTest sut) throws Exception {
        sut.resetClockEverywhere(); // the walkthrough lives in today's calendar
        Certificant.awaitIntakeFlowing(sut); // as on a fresh stack, whatever earlier test classes did to it
        Path root = RepoRoot.path();
        List<String> blocks = ReadmeWalkthrough.blocks(root.resolve("README.md"));
        assertThat(blocks).as("bash blocks of the walkthrough").hasSizeGreaterThanOrEqualTo(6);
        Path script = Files.createTempFile("walkthrough", ".sh");
        Files.writeString(script, ReadmeWalkthrough.script(blocks));
        String me = "WALK-" + UUID.randomUUID().toString().substring(0, 8);

        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = bash.environment();
        env.put("LEDGER", sut.baseUrl(PlatformService.LEDGER));
        env.put("RENEWAL", sut.baseUrl(PlatformService.RENEWAL));
        env.put("AUDIT", sut.baseUrl(PlatformService.AUDIT));
        env.put("CEC_STACK_DATA", sut.cluster().dataDir().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", sut.cluster().bootstrapServers());
        env.put("ME", me);
        Process process = bash.start();
        process.getOutputStream().close();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8); // ends when bash and its children exit
        }
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        System.out.println("[walkthrough] output:\n" + output);
        assertThat(ended).as("the walkthrough ended").isTrue();
        assertThat(process.exitValue()).as("exit code of the walkthrough; output:\n" + output).isZero();

        assertThat(output).as("every block ran").contains("--- walkthrough block " + blocks.size());
        assertThat(output)
                .contains("certificant " + me)
                .contains("\"credential\":\"CPT\"")                               // certified
                .contains("\"source\":\"SELF_REPORTED\"")                         // the recorded credit
                .containsPattern("produced lms\\.course-completions\\.v1-\\d+@\\d+") // the LMS completion
                .contains("\"source\":\"CE_ONLINE\"")                             // ... in the ledger
                .containsPattern("\"cecsTracked\":45(\\.0)?[,}]")                 // progress
                .containsPattern("\"cecsRemaining\":0(\\.0)?[,}]")
                .containsPattern("\"kind\":\"RENEWAL\"")                          // quote and renewal
                .contains("\"status\":\"PENDING\"")                             // the request waits for its payment
                .containsPattern("\"reference\":\"RNW-[0-9A-Z]{20}\"")
                .containsPattern("\"outcome\":\"RENEWED\"")                     // deploy/pay.sh
                .contains("\"status\":\"COMPLETED\"")
                .contains("\"auditId\":\"")                                     // the audit
                .contains("\"status\":\"OPEN\"");
        Files.deleteIfExists(script);
    }
}
