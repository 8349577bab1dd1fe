package org.cecplatform.renewal.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.RenewalRequest;

/**
 * The hash that tells a retry of a renewal request from a different request under the same {@code Idempotency-Key}:
 * the person and every field of the form as read (an attested 60 and 60.0 are the same request).
 */
final class RenewalFingerprint {

    private RenewalFingerprint() {
    }

    static String of(String certificantId, RenewalRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(certificantId);
        parts.add(String.valueOf(request.credentials()));
        AttestedCecs a = request.attestedCecs();
        if (a != null) {
            for (BigDecimal value : Arrays.asList(a.ceOnlineAndAcsmEvents(), a.otherProviders(), a.collegeCourses(),
                    a.committeeService(), a.cprAedFirstAid(), a.publicationsAndPresentations())) {
                parts.add(value == null ? "null" : value.stripTrailingZeros().toPlainString());
            }
        }
        parts.add(String.valueOf(request.acknowledged()));
        CprCard cpr = request.cpr();
        if (cpr != null) {
            parts.add(Objects.toString(cpr.provider()));
            parts.add(Objects.toString(cpr.issuedOn()));
            parts.add(Objects.toString(cpr.expiresOn()));
            parts.add(Objects.toString(cpr.handsOnSkills()));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
