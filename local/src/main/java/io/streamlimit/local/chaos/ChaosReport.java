package io.streamlimit.local.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a chaos run did and found; filled in by the phases from many threads. */
public final class ChaosReport {

    /** A message that ended in a dead-letter queue, and why the consumer refused it. */
    public record DeadLetter(String phase, boolean poison, String reason, String bodyPreview) {
    }

    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<FaultKind, AtomicLong> faults = new EnumMap<>(FaultKind.class);
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final List<String> appliedTwice = new CopyOnWriteArrayList<>();
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final LongAdder goodEvents = new LongAdder();
    private final LongAdder poisonSent = new LongAdder();
    private final LongAdder rounds = new LongAdder();
    private final LongAdder ambiguousUids = new LongAdder();
    private volatile Duration elapsed = Duration.ZERO;

    public ChaosReport() {
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new AtomicLong());
        }
    }

    void operations(String phase, long count) {
        operations.computeIfAbsent(phase, k -> new LongAdder()).add(count);
    }

    void fault(FaultKind kind) {
        faults.get(kind).incrementAndGet();
    }

    void faults(FaultKind kind, long count) {
        faults.get(kind).addAndGet(count);
    }

    void deadLetter(DeadLetter entry) {
        deadLetters.add(entry);
    }

    void violations(List<Violation> found) {
        violations.addAll(found);
    }

    void violation(Violation found) {
        violations.add(found);
    }

    void appliedTwice(List<String> events) {
        appliedTwice.addAll(events);
    }

    void lost(String event) {
        lost.add(event);
    }

    void goodEvents(long count) {
        goodEvents.add(count);
    }

    void poisonSent(long count) {
        poisonSent.add(count);
    }

    void round() {
        rounds.increment();
    }

    void ambiguous(int uids) {
        ambiguousUids.add(uids);
    }

    void elapsed(Duration duration) {
        this.elapsed = duration;
    }

    public long operations() {
        return operations.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> operationsByPhase() {
        Map<String, Long> byPhase = new TreeMap<>();
        operations.forEach((phase, n) -> byPhase.put(phase, n.sum()));
        return byPhase;
    }

    public long faults(FaultKind kind) {
        return faults.get(kind).get();
    }

    public Map<FaultKind, Long> faults() {
        Map<FaultKind, Long> all = new LinkedHashMap<>();
        faults.forEach((kind, n) -> all.put(kind, n.get()));
        return all;
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public long poisonDeadLettered() {
        return deadLetters.stream().filter(DeadLetter::poison).count();
    }

    public long goodDeadLettered() {
        return deadLetters.stream().filter(d -> !d.poison()).count();
    }

    public long poisonSent() {
        return poisonSent.sum();
    }

    public long goodEvents() {
        return goodEvents.sum();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Violations of invariant 2 (the limit). */
    public long limitViolations() {
        return violations.stream().filter(v -> v.invariant().startsWith("2")).count();
    }

    public List<String> appliedTwice() {
        return List.copyOf(appliedTwice);
    }

    public List<String> lost() {
        return List.copyOf(lost);
    }

    public long rounds() {
        return rounds.sum();
    }

    public long ambiguousUids() {
        return ambiguousUids.sum();
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Every poison message dead-lettered with its reason, nothing else lost or doubled, no violation. */
    public boolean passed() {
        return violations.isEmpty() && lost.isEmpty() && appliedTwice.isEmpty() && goodDeadLettered() == 0
                && poisonDeadLettered() == poisonSent() && deadLetters.stream().allMatch(d -> !d.reason().isBlank());
    }

    public void print(PrintWriter out) {
        out.printf("chaos: %d round(s) in %s%n", rounds(), format(elapsed));
        out.printf("operations run: %,d%n", operations());
        operationsByPhase().forEach((phase, n) -> out.printf("  %-28s %,10d%n", phase, n));
        out.println("faults injected:");
        faults().forEach((kind, n) -> out.printf("  %-38s %,8d%n", kind.label(), n));
        out.printf("good events: %,d published, %d lost, %d applied twice, %d dead-lettered%n",
                goodEvents(), lost.size(), appliedTwice.size(), goodDeadLettered());
        out.printf("events in the DLQ: %d (poison: %d of %d sent)%n", deadLetters.size(), poisonDeadLettered(), poisonSent());
        Map<String, Integer> reasons = new TreeMap<>();
        for (DeadLetter d : deadLetters) {
            String reason = d.reason().replaceAll(" at line \\d+ column \\d+", "");
            reason = reason.length() > 110 ? reason.substring(0, 110) + "..." : reason;
            reasons.merge((d.poison() ? "" : "GOOD EVENT: ") + d.phase() + ": " + reason, 1, Integer::sum);
        }
        reasons.forEach((reason, n) -> out.printf("  %4d x %s%n", n, reason));
        if (ambiguousUids() > 0) {
            out.printf("uids whose exact check stopped early (too many states explained the history): %d%n", ambiguousUids());
        }
        out.printf("violations found: %d%n", violations.size() + lost.size() + appliedTwice.size());
        List<String> shown = new ArrayList<>();
        violations.forEach(v -> shown.add(v.toString()));
        lost.forEach(e -> shown.add("lost: " + e));
        appliedTwice.forEach(e -> shown.add("applied twice: " + e));
        shown.stream().limit(50).forEach(v -> out.println("  " + v));
        if (shown.size() > 50) {
            out.printf("  ... and %d more%n", shown.size() - 50);
        }
        out.println(passed() ? "result: PASSED" : "result: FAILED");
        out.flush();
    }

    private static String format(Duration d) {
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
