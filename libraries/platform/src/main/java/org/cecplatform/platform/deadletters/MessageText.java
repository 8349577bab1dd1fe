package org.cecplatform.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A dead letter's message as a person reads it: its text when the bytes are UTF-8, else base64; cut at
 * {@link #MAX_BYTES} so that a list of large messages stays a small page.
 *
 * @param encoding  {@code utf-8} or {@code base64}
 * @param sizeBytes the whole message's size
 * @param truncated true when {@code text} shows only its first {@link #MAX_BYTES} bytes
 */
public record MessageText(String encoding, String text, int sizeBytes, boolean truncated) {

    static final int MAX_BYTES = 4_096;

    static MessageText of(byte[] value) {
        boolean truncated = value.length > MAX_BYTES;
        byte[] shown = truncated ? Arrays.copyOf(value, MAX_BYTES) : value;
        String text = utf8(shown, truncated);
        return text != null
                ? new MessageText("utf-8", text, value.length, truncated)
                : new MessageText("base64", Base64.getEncoder().encodeToString(shown), value.length, truncated);
    }

    /** The text, or null when the bytes are not UTF-8 (a cut may split the last character: that one is dropped). */
    private static String utf8(byte[] bytes, boolean cut) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int mostDropped = cut ? Math.min(3, bytes.length) : 0;
        for (int drop = 0; drop <= mostDropped; drop++) {
            try {
                return decoder.reset().decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop)).toString();
            } catch (CharacterCodingException e) {
                // try again without the last byte(s) of a character the cut split
            }
        }
        return null;
    }
}
