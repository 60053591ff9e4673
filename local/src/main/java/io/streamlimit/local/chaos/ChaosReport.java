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

    /** The phase whose dead letters may be good events: SNS -> Lambda gives up on events by design. */
    static final String ASYNC_PHASE = "async";
    /** The Kinesis phase: its on-failure destination may list good events too, each with its reason. */
    static final String KINESIS_PHASE = "kinesis";

    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, ChaosPipeline> phasePipelines = new ConcurrentHashMap<>();
    private final Map<ChaosPipeline, Map<FaultKind, AtomicLong>> faults = new EnumMap<>(ChaosPipeline.class);
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<ChaosPipeline, List<Violation>> violations = new EnumMap<>(ChaosPipeline.class);
    private final List<String> appliedTwice = new CopyOnWriteArrayList<>();
    private final Map<ChaosPipeline, List<String>> lost = new EnumMap<>(ChaosPipeline.class);
    private final LongAdder goodEvents = new LongAdder();
    private final LongAdder poisonSent = new LongAdder();
    private final LongAdder rounds = new LongAdder();
    private final LongAdder ambiguousUids = new LongAdder();
    private volatile Duration elapsed = Duration.ZERO;

    public ChaosReport() {
        for (ChaosPipeline pipeline : ChaosPipeline.values()) {
            Map<FaultKind, AtomicLong> kinds = new EnumMap<>(FaultKind.class);
            for (FaultKind kind : FaultKind.values()) {
                kinds.put(kind, new AtomicLong());
            }
            faults.put(pipeline, kinds);
            violations.put(pipeline, new CopyOnWriteArrayList<>());
            lost.put(pipeline, new CopyOnWriteArrayList<>());
        }
    }

    void operations(String phase, long count) {
        operations(ChaosPipeline.SNS_SQS_LAMBDA, phase, count);
    }

    void operations(ChaosPipeline pipeline, String phase, long count) {
        phasePipelines.put(phase, pipeline);
        operations.computeIfAbsent(phase, k -> new LongAdder()).add(count);
    }

    void fault(FaultKind kind) {
        fault(ChaosPipeline.SNS_SQS_LAMBDA, kind);
    }

    void fault(ChaosPipeline pipeline, FaultKind kind) {
        faults.get(pipeline).get(kind).incrementAndGet();
    }

    void deadLetter(DeadLetter entry) {
        deadLetters.add(entry);
    }

    void violations(List<Violation> found) {
        violations(ChaosPipeline.SNS_SQS_LAMBDA, found);
    }

    void violations(ChaosPipeline pipeline, List<Violation> found) {
        violations.get(pipeline).addAll(found);
    }

    void violation(Violation found) {
        violation(ChaosPipeline.SNS_SQS_LAMBDA, found);
    }

    void violation(ChaosPipeline pipeline, Violation found) {
        violations.get(pipeline).add(found);
    }

    void appliedTwice(List<String> events) {
        appliedTwice.addAll(events);
    }

    void lost(String event) {
        lost(ChaosPipeline.SNS_SQS_LAMBDA, event);
    }

    void lost(ChaosPipeline pipeline, String event) {
        lost.get(pipeline).add(event);
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

    /** Faults of a kind over both pipelines. */
    public long faults(FaultKind kind) {
        return faults.values().stream().mapToLong(kinds -> kinds.get(kind).get()).sum();
    }

    public Map<FaultKind, Long> faults(ChaosPipeline pipeline) {
        Map<FaultKind, Long> all = new LinkedHashMap<>();
        faults.get(pipeline).forEach((kind, n) -> all.put(kind, n.get()));
        return all;
    }

    public long operations(ChaosPipeline pipeline) {
        return operationsByPhase().entrySet().stream().filter(e -> phasePipelines.get(e.getKey()) == pipeline)
                .mapToLong(Map.Entry::getValue).sum();
    }

    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public long poisonDeadLettered() {
        return deadLetters.stream().filter(DeadLetter::poison).count();
    }

    /** Good events in a DLQ where none may be: the SQS pipeline's. */
    public long goodDeadLettered() {
        return deadLetters.stream().filter(d -> !d.poison() && !mayGiveUpGoodEvents(d.phase())).count();
    }

    /** Good events the async path gave up on, each with its reason. */
    public long asyncGoodDeadLettered() {
        return deadLetters.stream().filter(d -> !d.poison() && d.phase().equals(ASYNC_PHASE)).count();
    }

    /** Good events the Kinesis mapping gave up to its on-failure destination, each with its reason. */
    public long kinesisGoodGivenUp() {
        return deadLetters.stream().filter(d -> !d.poison() && d.phase().equals(KINESIS_PHASE)).count();
    }

    private static boolean mayGiveUpGoodEvents(String phase) {
        return phase.equals(ASYNC_PHASE) || phase.equals(KINESIS_PHASE);
    }

    public long poisonSent() {
        return poisonSent.sum();
    }

    public long goodEvents() {
        return goodEvents.sum();
    }

    public List<Violation> violations() {
        return violations.values().stream().flatMap(List::stream).toList();
    }

    public List<Violation> violations(ChaosPipeline pipeline) {
        return List.copyOf(violations.get(pipeline));
    }

    /** Violations of invariant 2 (the limit). */
    public long limitViolations() {
        return violations().stream().filter(v -> v.invariant().startsWith("2")).count();
    }

    public List<String> appliedTwice() {
        return List.copyOf(appliedTwice);
    }

    public List<String> lost() {
        return lost.values().stream().flatMap(List::stream).toList();
    }

    /** Violations, lost events of the pipeline. */
    public long violationCount(ChaosPipeline pipeline) {
        return violations.get(pipeline).size() + lost.get(pipeline).size();
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
        return violations().isEmpty() && lost().isEmpty() && appliedTwice.isEmpty() && goodDeadLettered() == 0
                && poisonDeadLettered() == poisonSent() && deadLetters.stream().allMatch(d -> !d.reason().isBlank());
    }

    public void print(PrintWriter out) {
        out.printf("chaos: %d round(s) in %s%n", rounds(), format(elapsed));
        out.printf("operations run: %,d%n", operations());
        for (ChaosPipeline pipeline : ChaosPipeline.values()) {
            out.printf("%s: %,d operations, %d violations%n", pipeline.label(), operations(pipeline), violationCount(pipeline));
            operationsByPhase().forEach((phase, n) -> {
                if (phasePipelines.get(phase) == pipeline) {
                    out.printf("  %-34s %,10d%n", phase, n);
                }
            });
            out.println("  faults injected:");
            faults(pipeline).forEach((kind, n) -> {
                if (n > 0) {
                    out.printf("    %-40s %,8d%n", kind.label(), n);
                }
            });
        }
        out.printf("good events: %,d published, %d lost, %d applied twice, %d dead-lettered (SQS), %d dead-lettered by the async"
                + " path, %d given up by the Kinesis mapping%n", goodEvents(), lost().size(), appliedTwice.size(),
                goodDeadLettered(), asyncGoodDeadLettered(), kinesisGoodGivenUp());
        out.printf("events in the DLQs: %d (poison: %d of %d sent)%n", deadLetters.size(), poisonDeadLettered(), poisonSent());
        Map<String, Integer> reasons = new TreeMap<>();
        for (DeadLetter d : deadLetters) {
            String reason = d.reason().replaceAll(" at line \\d+ column \\d+", "");
            reason = reason.length() > 110 ? reason.substring(0, 110) + "..." : reason;
            boolean unexpected = !d.poison() && !mayGiveUpGoodEvents(d.phase());
            reasons.merge((unexpected ? "GOOD EVENT: " : "") + d.phase() + ": " + reason, 1, Integer::sum);
        }
        reasons.forEach((reason, n) -> out.printf("  %4d x %s%n", n, reason));
        if (ambiguousUids() > 0) {
            out.printf("uids whose exact check stopped early (too many states explained the history): %d%n", ambiguousUids());
        }
        List<String> shown = new ArrayList<>();
        violations().forEach(v -> shown.add(v.toString()));
        lost().forEach(e -> shown.add("lost: " + e));
        appliedTwice.forEach(e -> shown.add("applied twice: " + e));
        out.printf("violations found: %d%n", shown.size());
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
