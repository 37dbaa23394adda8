package dev.cxsentinel.application.model;

import java.util.List;

/** One page of a list; {@code number} counts from 1. */
public record Page<T>(List<T> items, int number, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return (long) number * size < total;
    }
}
