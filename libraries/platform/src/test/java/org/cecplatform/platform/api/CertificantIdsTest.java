package org.cecplatform.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cecplatform.testsupport.hostile.HostileStrings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SPEC §6: a certificant id matches ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$, and nothing else is one. */
class CertificantIdsTest {

    @Test
    void thePatternIsTheSpecs() {
        assertThat(CertificantIds.PATTERN).isEqualTo("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    }

    @Test
    void sixtyFourCharactersAreAnIdAndSixtyFiveAreNot() {
        assertThat(CertificantIds.isValid("C" + "x".repeat(63))).isTrue();
        assertThat(CertificantIds.isValid("C" + "x".repeat(64))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "7", "C-000042", "cert-1", "a.b", "a_b", "urn:member:42", "DEMO-5-000001",
            "bench-0a1b-g-c7", "x-", "x."})
    void lettersDigitsDotUnderscoreColonAndDashAreAllowed(String id) {
        assertThat(CertificantIds.isValid(id)).isTrue();
        assertThatCode(() -> CertificantIds.check("certificantId", id)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".leading-dot", "-leading-dash", ":x", "_x", "bad id", "bad id?#x", "a/b",
            "a%20b", "a;b", "a+b", "é", "C-1\n", "C-1 ", " C-1", "C-1\u0000", "a\u200Bb", "１２３", "..", "a@b"})
    void anythingElseIsRefused(String id) {
        assertThat(CertificantIds.isValid(id)).isFalse();
        assertThatThrownBy(() -> CertificantIds.check("certificantId", id))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    Problem problem = e.toProblem("/x");
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.violations()).extracting(Problem.Violation::field)
                            .containsExactly("certificantId");
                });
    }

    @Test
    void nullIsNoId() {
        assertThat(CertificantIds.isValid(null)).isFalse();
    }

    @Test
    void everyBadIdOfTheHostileCorporaIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String content : HostileStrings.BAD_CERTIFICANT_IDS) {
            String id = json.readValue("\"" + content + "\"", String.class);
            assertThat(CertificantIds.isValid(id)).as(content).isFalse();
        }
    }
}
