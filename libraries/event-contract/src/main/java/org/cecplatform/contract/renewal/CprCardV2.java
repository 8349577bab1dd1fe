package org.cecplatform.contract.renewal;

import java.time.LocalDate;

/** The CPR/AED card a renewal carried. */
public record CprCardV2(String provider, LocalDate issuedOn, LocalDate expiresOn, Boolean handsOnSkills) {
}
