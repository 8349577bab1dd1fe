package org.cecplatform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataFolderGetsAPasswordForTheBrokerAndEveryPrincipalReadableOnlyByItsOwner() throws Exception {
        Path file = dir.resolve("kafka/credentials.properties");
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(file, KafkaRights.shipped());
        assertThat(credentials.all().keySet()).contains(KafkaCredentials.BROKER, "ledger-service", "lms", "operator");
        assertThat(credentials.all().values()).allMatch(password -> password.matches("[A-Za-z0-9]{32}"))
                .doesNotHaveDuplicates();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void passwordsAreKeptAcrossStartsAndAMissingPrincipalGetsOne() throws Exception {
        Path file = dir.resolve("credentials.properties");
        Files.writeString(file, "lms=kept-from-before\n");
        KafkaCredentials credentials = KafkaCredentials.loadOrCreate(file, KafkaRights.shipped());
        assertThat(credentials.password("lms")).isEqualTo("kept-from-before");
        assertThat(KafkaCredentials.loadOrCreate(file, KafkaRights.shipped()).all()).isEqualTo(credentials.all());
    }

    @Test
    void anUnknownPrincipalHasNoPassword() {
        KafkaCredentials credentials = KafkaCredentials.generate(KafkaRights.shipped());
        assertThatThrownBy(() -> credentials.password("mallory")).hasMessageContaining("no Kafka credentials for 'mallory'");
    }
}
