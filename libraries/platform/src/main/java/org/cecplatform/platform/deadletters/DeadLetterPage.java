package org.cecplatform.platform.deadletters;

import java.util.List;

/** A page of this service's dead letters, newest first, paged like every list. */
public record DeadLetterPage(List<DeadLetterEntry> deadLetters, int page, int size, long totalItems) {
}
