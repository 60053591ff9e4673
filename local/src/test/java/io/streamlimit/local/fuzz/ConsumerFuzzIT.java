package io.streamlimit.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.chaos.Bodies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the consumer: SQS batches that mix fuzzed bodies with good events, through the real
 * handler. Every good message is applied (and the ledger counts it), every bad one comes back as
 * a batch item failure, alone: no batch is stuck behind a poison message. The parser itself
 * never throws anything but {@link InvalidEventException}, which names the field.
 */
class ConsumerFuzzIT {

    static {
        // The consumer logs every rejected message; thousands of lines only slow the test down.
        System.setProperty("org.slf4j.simpleLogger.log.io.streamlimit.consumer.ConsumerService", "error");
    }


    private static final int INPUTS = 12_000;
    private static final Pattern NAMES_A_FIELD = Pattern.compile("^[A-Za-z][A-Za-z0-9_.\\[\\]]*: .+", Pattern.DOTALL);

    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Ledger ledger = new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), Clock.systemUTC());
    private final Downstream recording = (events, invocation) -> {
        events.forEach(e -> applied.add(key(e)));
        return List.of();
    };
    private final ConsumerHandler handler = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, recording));

    @Test
    void fuzzed_bodies_fail_alone_and_every_good_event_in_their_batches_is_applied() {
        Fuzz fuzz = new Fuzz(1_123L);
        int fuzzed = 0;
        int batches = 0;
        int good = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        while (fuzzed < INPUTS) {
            String uid = "g-" + batches;
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            Set<String> bad = new HashSet<>();
            Set<String> goodKeys = new HashSet<>();
            int goodOpens = 0;
            int size = 1 + fuzz.nextInt(10);
            for (int m = 0; m < size; m++) {
                String id = "b" + batches + "-m" + m;
                String body;
                boolean mustBeBad = false;
                if (fuzz.chance(0.3) && goodOpens < 3) {
                    // A good open of a fresh stream: at most 3 per batch, so the ledger must count each.
                    StreamEvent event = StreamEvent.open(uid, "s" + m);
                    body = Bodies.of(event, fuzz.chance(0.5));
                    goodKeys.add(key(event));
                    goodOpens++;
                } else {
                    fuzzed++;
                    int kind = fuzz.nextInt(100);
                    mustBeBad = kind >= 70;
                    body = fuzzedBody(fuzz, kind, batches, m);
                }
                String rejection = rejection(body, failures);
                if (rejection != null) {
                    bad.add(id);
                    reasons.merge(rejection.replaceAll("[0-9]+", "N").replaceAll(": .*", ""), 1, Integer::sum);
                    if (!NAMES_A_FIELD.matcher(rejection).matches()) {
                        failures.add("a rejection that names no field: " + rejection);
                    }
                } else if (mustBeBad) {
                    failures.add("accepted a body built to be bad: " + preview(body));
                }
                records.add(message(id, body));
            }
            good += goodKeys.size();
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            SQSBatchResponse response;
            try {
                response = handler.handleRequest(event, null);
            } catch (RuntimeException | Error e) {
                failures.add("batch " + batches + " threw " + e);
                batches++;
                continue;
            }
            Set<String> reported = new HashSet<>();
            response.getBatchItemFailures().forEach(f -> reported.add(f.getItemIdentifier()));
            if (!reported.equals(bad)) {
                failures.add("batch " + batches + ": failed items " + reported + ", expected " + bad);
            }
            for (String key : goodKeys) {
                if (!applied.contains(key)) {
                    failures.add("batch " + batches + ": good event not applied: " + key);
                }
            }
            if (ledger.check(uid).open() != goodOpens) {
                failures.add("batch " + batches + ": ledger counts " + ledger.check(uid).open() + " of " + goodOpens + " opens");
            }
            batches++;
        }
        System.out.println("consumer fuzz: " + fuzzed + " fuzzed bodies and " + good + " good events in " + batches
                + " batches; rejections by field: " + reasons);
        assertThat(failures).as("failures").isEmpty();
        assertThat(fuzzed).isGreaterThanOrEqualTo(INPUTS);
    }

    @Test
    void the_parser_throws_only_invalid_event_exceptions_on_random_text() {
        Fuzz fuzz = new Fuzz(99);
        EventParser parser = new EventParser();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String body = i % 2 == 0 ? fuzz.text(300) : fuzz.json(6);
            for (boolean batch : new boolean[] {false, true}) {
                try {
                    if (batch) {
                        parser.parseBatch(body);
                    } else {
                        parser.parse(body);
                    }
                } catch (InvalidEventException expected) {
                    // the only way to refuse
                } catch (RuntimeException | Error e) {
                    failures.add(preview(body) + " threw " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String fuzzedBody(Fuzz fuzz, int kind, int batch, int m) {
        Random random = fuzz.random();
        if (kind < 40) {
            // Mutations of good bodies, under their own uid so they never touch the good events' uid.
            return fuzz.mutate(Bodies.of(StreamEvent.open("m-" + batch, "s" + m), random.nextBoolean()));
        }
        if (kind < 55) {
            return fuzz.object(4);
        }
        if (kind < 65) {
            return fuzz.json(5);
        }
        if (kind < 70) {
            return Bodies.envelope(fuzz.object(3));
        }
        // From here on every body is built to be bad.
        if (kind < 78) {
            return fuzz.text(120) + "{";
        }
        if (kind < 82) {
            return Bodies.poison(random, "f" + batch + "-" + m, 1 << 21);
        }
        if (kind < 84) {
            return Fuzz.padded(262_145 + random.nextInt(1_000)); // past the 256 KiB event limit
        }
        if (kind < 85) {
            return Bodies.envelope(Fuzz.padded(262_145)); // a full-size SQS body whose event is too big
        }
        if (kind < 88) {
            return Fuzz.nesting(random.nextBoolean() ? 100_000 : 40, random.nextBoolean());
        }
        if (kind < 92) {
            // Bytes that are not UTF-8, as a decoder hands them on (replacement characters).
            return new String(fuzz.badUtf8(), StandardCharsets.UTF_8);
        }
        if (kind < 95) {
            return "{\"type\":\"open\",\"uid\":\"" + "u".repeat(129) + "\",\"streamId\":\"s\"}";
        }
        if (kind < 97) {
            return "{\"type\":\"open\",\"uid\":\"u\\u0000\",\"streamId\":\"s\"}";
        }
        return random.nextBoolean() ? "" : "   ";
    }

    private static String rejection(String body, List<String> failures) {
        try {
            return Bodies.rejection(body);
        } catch (RuntimeException | Error e) {
            failures.add("parser threw " + e + " on " + preview(body));
            return "parser threw";
        }
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setReceiptHandle(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:fuzz");
        message.setAwsRegion("us-east-1");
        return message;
    }

    private static String key(StreamEvent e) {
        return e.type().wireName() + " " + e.uid() + "/" + e.streamId();
    }

    private static String preview(String body) {
        return body.length() > 100 ? body.substring(0, 100) + "...(" + body.length() + ")" : body;
    }
}
