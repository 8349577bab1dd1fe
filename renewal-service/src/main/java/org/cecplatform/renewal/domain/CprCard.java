package org.cecplatform.renewal.domain;

import java.time.LocalDate;

/** The current CPR/AED card a renewal carries; online-only cards (no hands-on skills component) are refused. */
public record CprCard(String provider, LocalDate issuedOn, LocalDate expiresOn, Boolean handsOnSkills) {
}
