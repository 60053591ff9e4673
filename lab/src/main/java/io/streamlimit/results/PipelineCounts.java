package io.streamlimit.results;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many times the pipeline did something, per kind and per second: the {@code pipeline_counts}
 * table. Throttles and redeliveries are kept this way instead of one row each, because a
 * throttle-bound run makes thousands a second; what the metrics and charts need of them is a count
 * per second. Immutable; build one with {@link Builder}.
 */
public final class PipelineCounts {

    /** The kinds counted per second rather than recorded one row each. */
    public static boolean isCounted(PipelineEventKind kind) {
        return kind == PipelineEventKind.THROTTLE || kind == PipelineEventKind.REDELIVERY
                || kind == PipelineEventKind.SHARD_RETRY || kind == PipelineEventKind.PUT_THROTTLE
                || kind == PipelineEventKind.ITERATOR_AGE;
    }

    public static final PipelineCounts EMPTY = new Builder().build();

    /** Receives one non-zero count. */
    @FunctionalInterface
    public interface Visitor {
        void count(PipelineEventKind kind, long epochSecond, long count);
    }

    private final Map<PipelineEventKind, Seconds> byKind;

    private PipelineCounts(Map<PipelineEventKind, Seconds> byKind) {
        this.byKind = byKind;
    }

    /** The sum over every second of one kind. */
    public long total(PipelineEventKind kind) {
        Seconds seconds = byKind.get(kind);
        return seconds == null ? 0 : seconds.total;
    }

    public boolean isEmpty() {
        return byKind.isEmpty();
    }

    /** Earliest second with a count; only valid when not empty. */
    public long firstSecond() {
        return byKind.values().stream().mapToLong(s -> s.base + s.first()).min().orElseThrow();
    }

    /** Latest second with a count; only valid when not empty. */
    public long lastSecond() {
        return byKind.values().stream().mapToLong(s -> s.base + s.last()).max().orElseThrow();
    }

    /** Non-zero (second, count) pairs with their kind, by kind, then second. */
    public void forEach(Visitor visitor) {
        byKind.forEach((kind, seconds) -> {
            for (int i = 0; i < seconds.counts.length; i++) {
                if (seconds.counts[i] != 0) {
                    visitor.count(kind, seconds.base + i, seconds.counts[i]);
                }
            }
        });
    }

    /** How many (kind, second) rows {@link #forEach} visits: the rows this takes to store. */
    public long rows() {
        long[] n = {0};
        forEach((kind, second, count) -> n[0]++);
        return n[0];
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PipelineCounts that)) {
            return false;
        }
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        forEach((k, s, c) -> a.append(k).append(s).append(':').append(c).append(','));
        that.forEach((k, s, c) -> b.append(k).append(s).append(':').append(c).append(','));
        return a.toString().equals(b.toString());
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total(PipelineEventKind.THROTTLE)) * 31 + Long.hashCode(total(PipelineEventKind.REDELIVERY));
    }

    @Override
    public String toString() {
        return "PipelineCounts" + byKind.keySet() + " throttles=" + total(PipelineEventKind.THROTTLE)
                + " redeliveries=" + total(PipelineEventKind.REDELIVERY);
    }

    /** One kind's counts over consecutive seconds from {@code base}. */
    private static final class Seconds {
        long base;
        long[] counts;
        int used;
        long total;

        Seconds(long second) {
            base = second;
            counts = new long[64];
        }

        void add(long second, long n) {
            long index = second - base;
            if (index < 0) {
                int shift = (int) Math.max(-index, counts.length / 2);
                long[] grown = new long[counts.length + shift];
                System.arraycopy(counts, 0, grown, shift, used);
                counts = grown;
                base -= shift;
                used += shift;
                index = second - base;
            } else if (index >= counts.length) {
                counts = Arrays.copyOf(counts, (int) Math.max(index + 1, counts.length * 2L));
            }
            counts[(int) index] += n;
            used = (int) Math.max(used, index + 1);
            total += n;
        }

        Seconds trimmed() {
            Seconds copy = new Seconds(base);
            copy.counts = Arrays.copyOf(counts, used);
            copy.used = used;
            copy.total = total;
            return copy;
        }

        int first() {
            int i = 0;
            while (counts[i] == 0) {
                i++;
            }
            return i;
        }

        int last() {
            int i = used - 1;
            while (counts[i] == 0) {
                i--;
            }
            return i;
        }
    }

    /**
     * Adds up counts; not thread-safe. Memory grows with the seconds the run spans, not with the
     * number of things counted.
     */
    public static final class Builder {

        private final Map<PipelineEventKind, Seconds> byKind = new EnumMap<>(PipelineEventKind.class);

        /** One more {@code kind} at the given epoch millisecond. */
        public Builder add(PipelineEventKind kind, long epochMillis) {
            return addAtSecond(kind, Math.floorDiv(epochMillis, 1000L), 1);
        }

        public Builder addAtSecond(PipelineEventKind kind, long epochSecond, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + count);
            }
            if (count > 0) {
                byKind.computeIfAbsent(kind, k -> new Seconds(epochSecond)).add(epochSecond, count);
            }
            return this;
        }

        /** Per-event rows of a counted kind become counts; returns whether the event was counted. */
        public boolean addIfCounted(PipelineEvent event) {
            if (!isCounted(event.kind()) || event.at() == null) {
                return false;
            }
            add(event.kind(), event.at().toEpochMilli());
            return true;
        }

        /** Seconds held so far, over all kinds: what this builder's memory grows with. */
        public long secondsHeld() {
            return byKind.values().stream().mapToLong(s -> s.counts.length).sum();
        }

        public PipelineCounts build() {
            Map<PipelineEventKind, Seconds> copy = new EnumMap<>(PipelineEventKind.class);
            byKind.forEach((kind, seconds) -> copy.put(kind, seconds.trimmed()));
            return new PipelineCounts(copy);
        }
    }
}
