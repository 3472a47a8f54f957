package org.confmail.platform;

import java.util.List;

/** One page of a list, as the API answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
