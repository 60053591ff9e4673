package io.streamlimit.metrics;

import java.util.Arrays;

/** A set of event ids as a sorted array: a million ids without a million boxed Longs. */
final class EventIds {

    private long[] ids = new long[16];
    private int size;
    private boolean sorted = true;

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        sorted &= size == 0 || ids[size - 1] <= id;
        ids[size++] = id;
    }

    /** Sorts and drops duplicates; call once all ids are added. */
    EventIds seal() {
        if (!sorted) {
            Arrays.sort(ids, 0, size);
            sorted = true;
        }
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || ids[i] != ids[distinct - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        size = distinct;
        return this;
    }

    boolean contains(long id) {
        return Arrays.binarySearch(ids, 0, size, id) >= 0;
    }

    int size() {
        return size;
    }
}
