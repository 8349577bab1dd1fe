package org.cecplatform.renewal.application;

import java.util.List;

/** One page of a list read, and how many items the whole list holds. */
public record Page<T>(List<T> items, long total) {
}
