package io.streamlimit.sim.internal;

/**
 * A growable first-in first-out ring of (time, id, aux) entries, for queues whose entries leave
 * in the order they came: messages in flight under one visibility timeout, deliveries under one
 * latency, visible messages. Primitive arrays, so a million entries are three arrays.
 */
final class TimedRing {

    private long[] times = new long[64];
    private int[] ids = new int[64];
    private int[] aux = new int[64];
    private int head;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long time, int id, int auxValue) {
        if (size == times.length) {
            grow();
        }
        int i = (head + size) & (times.length - 1);
        times[i] = time;
        ids[i] = id;
        aux[i] = auxValue;
        size++;
    }

    long headTime() {
        return times[head];
    }

    int headId() {
        return ids[head];
    }

    int headAux() {
        return aux[head];
    }

    void removeHead() {
        head = (head + 1) & (times.length - 1);
        size--;
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        int[] d = new int[n];
        int[] a = new int[n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (times.length - 1);
            t[k] = times[i];
            d[k] = ids[i];
            a[k] = aux[i];
        }
        times = t;
        ids = d;
        aux = a;
        head = 0;
    }
}
