package org.cecplatform.renewal.domain;

import java.util.List;

/** A renewal as the certificant submits it: every part is checked, and every unmet requirement reported at once. */
public record RenewalRequest(List<String> credentials, AttestedCecs attestedCecs, Boolean acknowledged, CprCard cpr,
                             Payment payment) {
}
