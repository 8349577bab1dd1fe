package org.cecplatform.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void utf8BytesAreShownAsText() {
        assertThat(MessageText.of("{\"title\":\"Übung\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MessageText("utf-8", "{\"title\":\"Übung\"}", 18, false));
    }

    @Test
    void bytesThatAreNotUtf8AreShownAsBase64() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1};
        assertThat(MessageText.of(binary))
                .isEqualTo(new MessageText("base64", Base64.getEncoder().encodeToString(binary), 4, false));
    }

    @Test
    void aLargeMessageIsCutAndACharacterSplitByTheCutIsDroppedRatherThanShownAsBase64() {
        byte[] large = ("x".repeat(MessageText.MAX_BYTES - 1) + "é and more").getBytes(StandardCharsets.UTF_8);
        MessageText shown = MessageText.of(large);
        assertThat(shown.encoding()).isEqualTo("utf-8");
        assertThat(shown.text()).isEqualTo("x".repeat(MessageText.MAX_BYTES - 1));
        assertThat(shown.truncated()).isTrue();
        assertThat(shown.sizeBytes()).isEqualTo(large.length);
    }
}
