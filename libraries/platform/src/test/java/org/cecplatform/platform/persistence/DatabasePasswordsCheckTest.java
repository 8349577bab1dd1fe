package org.cecplatform.platform.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The start-up check on the production profile's shape: ${VARIABLE} without a default, the variable unset. */
class DatabasePasswordsCheckTest {

    @Test
    void aPasswordWhoseVariableIsUnsetStopsTheStartNamingTheVariable() {
        Config config = config(Map.of("quarkus.datasource.password", "${CEC_TEST_UNSET_DB_PASSWORD}",
                "quarkus.flyway.password", "secret"));
        assertThatThrownBy(() -> new DatabasePasswordsCheck(config).onStart(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DB_PASSWORD (quarkus.datasource.password")
                .hasMessageNotContaining("DB_MIGRATION_PASSWORD");
    }

    @Test
    void bothMissingAreNamedAtOnce() {
        assertThatThrownBy(() -> new DatabasePasswordsCheck(config(Map.of("quarkus.flyway.password", " "))).onStart(null))
                .hasMessageContaining("DB_PASSWORD (quarkus.datasource.password")
                .hasMessageContaining("DB_MIGRATION_PASSWORD (quarkus.flyway.password");
    }

    @Test
    void withBothPasswordsTheServiceStarts() {
        Config config = config(Map.of("quarkus.datasource.password", "a", "quarkus.flyway.password", "b"));
        assertThatCode(() -> new DatabasePasswordsCheck(config).onStart(null)).doesNotThrowAnyException();
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
