package org.cecplatform.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cecplatform.policy.InvalidPolicyException;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.policy.PolicyHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the services' policy comes from, and the old policy keys that must no longer be set. */
class PolicySourceTest {

    @Test
    void withoutCecPolicyFile_theShippedPolicyIsRead() {
        assertThat(PolicySource.load(Optional.empty()).source()).contains(PolicyFile.SHIPPED_RESOURCE);
        assertThat(PolicySource.load(Optional.of("  ")).source()).contains(PolicyFile.SHIPPED_RESOURCE);
    }

    @Test
    void cecPolicyFile_namesAFileThatReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("body.yaml");
        String shipped = new String(PolicyFile.class.getClassLoader()
                .getResourceAsStream(PolicyFile.SHIPPED_RESOURCE).readAllBytes());
        Files.writeString(file, shipped.replace("late: 80", "late: 95"));

        PolicyHistory policy = PolicySource.load(Optional.of(file.toString()));

        assertThat(policy.source()).isEqualTo("file " + file.toAbsolutePath());
        assertThat(policy.latest().fees().late()).isEqualByComparingTo("95");
    }

    @Test
    void aFileThatContradictsItself_orIsMissing_isRefused(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "zone: America/New_York\n");

        assertThatThrownBy(() -> PolicySource.load(Optional.of(bad.toString())))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("versions: at least one version");
        assertThatThrownBy(() -> PolicySource.load(Optional.of(dir.resolve("none.yaml").toString())))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theKeysThatHeldPolicyValues_areFoundAsPropertiesProfilesOrEnvironmentVariables() {
        assertThat(PolicySource.retiredKeysIn(List.of(
                "cec.policy.late-fee", "%prod.cec.policy.rank", "CEC_POLICY_CREDENTIALS_CPT_FEE",
                "cec.policy.zone", "CEC_POLICY_CAPS_CPR_AED_FIRST_AID_PER_YEAR", "CEC_POLICY_TIME_ZONE",
                "cec.policy.conversion.ceu", "cec.audit.proof-window-days", "CEC_AUDIT_SAMPLING_DEFAULT_RATE")))
                .containsExactly("%prod.cec.policy.rank", "CEC_AUDIT_SAMPLING_DEFAULT_RATE",
                        "CEC_POLICY_CAPS_CPR_AED_FIRST_AID_PER_YEAR", "CEC_POLICY_CREDENTIALS_CPT_FEE",
                        "CEC_POLICY_TIME_ZONE", "cec.audit.proof-window-days", "cec.policy.conversion.ceu",
                        "cec.policy.late-fee", "cec.policy.zone");
    }

    @Test
    void anEnvironmentVariableListedAlsoInItsDottedForm_isNamedOnceAsItWasSet() {
        assertThat(PolicySource.retiredKeysIn(List.of("cec.policy.late.fee", "CEC_POLICY_LATE_FEE")))
                .containsExactly("CEC_POLICY_LATE_FEE");
    }

    @Test
    void theKeysStillRead_areNotRetired() {
        assertThat(PolicySource.retiredKeysIn(List.of("cec.policy.file", "CEC_POLICY_FILE",
                "cec.audit.sampling.rate.CPT", "CEC_AUDIT_SAMPLING_RATE_CPT", "%test.cec.audit.sampling.rate.CET",
                "cec.db.default-name", "cec.audits.v1"))).isEmpty();
    }
}
