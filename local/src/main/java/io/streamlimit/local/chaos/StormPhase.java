package io.streamlimit.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.check.ApiRequest;
import io.streamlimit.check.ApiResponse;
import io.streamlimit.check.CheckHandler;
import io.streamlimit.check.CheckService;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerContentionException;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.LedgerStoreException;
import io.streamlimit.ledger.Outcome;
import io.streamlimit.ledger.UidLedger;
import io.streamlimit.local.http.HttpApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Acquire storms: many threads fight over the slots of a few uids through the check API (in
 * process through {@link CheckService}, and a sample over real HTTP through the local HTTP API),
 * with releases, checks and open/close events mixed in. Checked with the concurrent bounds of
 * {@link HistoryChecker#checkConcurrent}: above all, never more streams holding a slot than the
 * limit.
 */
final class StormPhase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Streams of a uid in play at once; the window slides as streams are released. */
    private static final int WINDOW = 6;

    private final ChaosOptions options;
    private final LedgerStore store;
    private final LedgerSettings settings;
    private final ChaosReport report;
    private final String prefix;
    private final FaultPlan.Storm plan;
    private final History history = new History();
    private final AtomicIntegerArray windowStart;

    StormPhase(ChaosOptions options, LedgerStore store, LedgerSettings settings, ChaosReport report, String prefix,
               FaultPlan.Storm plan) {
        this.options = options;
        this.store = store;
        this.settings = settings;
        this.report = report;
        this.prefix = prefix;
        this.plan = plan;
        this.windowStart = new AtomicIntegerArray(options.stormUids());
    }

    History history() {
        return history;
    }

    void run() throws InterruptedException {
        Ledger ledger = new Ledger(store, settings, Clock.systemUTC());
        CheckService service = new CheckService(ledger, events -> { });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (HttpApiServer api = HttpApiServer.start("chaos-api", 0, 8, new CheckHandler(service))) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < options.stormThreads(); t++) {
                Random random = new Random(options.seed() * 7_919L + t);
                Thread thread = new Thread(() -> {
                    try {
                        while (history.size() < options.stormOps()) {
                            step(random, ledger, service, http, api.url());
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "chaos-storm-" + t);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            errors.forEach(e -> report.violation(new Violation("harness", "-", "storm thread failed: " + e)));
        }
        Map<String, UidLedger> finals = new HashMap<>();
        for (int u = 0; u < options.stormUids(); u++) {
            finals.put(uid(u), store.read(uid(u)));
        }
        report.violations(new ConcurrentChecker(settings).check(history.ops(), finals, Clock.systemUTC().millis()));
        report.operations("acquire storm (concurrent)", history.size());
    }

    private String uid(int u) {
        return prefix + "-storm" + u;
    }

    private void step(Random random, Ledger ledger, CheckService service, HttpClient http, URI api)
            throws InterruptedException {
        int u = random.nextInt(options.stormUids());
        String uid = uid(u);
        int base = windowStart.get(u);
        String stream = uid + "-s" + (base + random.nextInt(WINDOW));
        boolean overHttp = random.nextDouble() < plan.overHttp();
        double roll = random.nextDouble();
        int kind = FaultPlan.pick(roll, plan.acquire(), plan.release(), plan.check(), plan.openEvent());
        if (kind == 0) {
            report.fault(FaultKind.ACQUIRE_STORM);
            request(OpKind.ACQUIRE, uid, stream, "POST", "/acquire", body(uid, stream), service, http, api, overHttp);
        } else if (kind == 1) {
            String oldest = uid + "-s" + base;
            request(OpKind.RELEASE, uid, oldest, "POST", "/release", body(uid, oldest), service, http, api, overHttp);
            windowStart.compareAndSet(u, base, base + 1); // released streams stay closed: bring in a fresh one
        } else if (kind == 2) {
            request(OpKind.CHECK, uid, null, "GET", "/check/" + uid, null, service, http, api, overHttp);
        } else {
            boolean open = kind == 3;
            long invoked = history.tick();
            Answer answer;
            try {
                Outcome outcome = ledger.apply(open ? StreamEvent.open(uid, stream) : StreamEvent.close(uid, stream));
                answer = new Answer.Applied(outcome);
            } catch (LedgerStoreException | LedgerContentionException e) {
                answer = new Answer.Failed(e.getClass().getSimpleName());
            }
            history.record(open ? OpKind.OPEN : OpKind.CLOSE, uid, stream, "ledger", invoked, history.tick(), -1, answer);
        }
    }

    private static String body(String uid, String stream) {
        return "{\"uid\":\"" + uid + "\",\"streamId\":\"" + stream + "\"}";
    }

    private void request(OpKind kind, String uid, String stream, String method, String path, String body,
                         CheckService service, HttpClient http, URI api, boolean overHttp) throws InterruptedException {
        long invoked = history.tick();
        int status;
        String text;
        if (overHttp) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30));
            request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                text = response.body();
            } catch (IOException e) {
                status = -1;
                text = e.toString();
            }
        } else {
            ApiResponse response = service.handle(new ApiRequest(method, path, body));
            status = response.status();
            text = response.body();
        }
        long returned = history.tick();
        String via = overHttp ? "http" : "service";
        Answer answer;
        try {
            answer = parse(kind, status, text);
        } catch (IOException | RuntimeException e) {
            report.violation(new Violation("http contract", uid, kind + " " + path + " answered " + status + " " + text));
            return;
        }
        history.record(kind, uid, stream, via, invoked, returned, -1, answer);
    }

    private static Answer parse(OpKind kind, int status, String text) throws IOException {
        if (status == 503 || status == -1) {
            return new Answer.Failed("HTTP " + status);
        }
        JsonNode node = JSON.readTree(text);
        return switch (kind) {
            case ACQUIRE -> {
                if (status != 200 && status != 429) {
                    throw new IllegalStateException("status " + status);
                }
                boolean allowed = node.get("allowed").asBoolean();
                if (allowed != (status == 200)) {
                    throw new IllegalStateException("allowed does not match the status");
                }
                JsonNode lease = node.get("leaseExpiresAt");
                yield new Answer.Acquired(allowed, node.get("open").asInt(), lease == null ? null : Instant.parse(lease.asText()));
            }
            case RELEASE -> {
                if (status != 200) {
                    throw new IllegalStateException("status " + status);
                }
                yield new Answer.Applied(Outcome.valueOf(node.get("outcome").asText().toUpperCase(Locale.ROOT)));
            }
            case CHECK -> {
                if (status != 200) {
                    throw new IllegalStateException("status " + status);
                }
                yield new Answer.Checked(node.get("open").asInt());
            }
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }
}
