package io.streamlimit.local.chaos;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS pipeline's real DLQ: what reached it, and whether that is exactly the poison sent, each with its reason. */
final class SqsDeadLetters {

    private final SqsClient sqs;
    private final String dlqUrl;
    private final ChaosReport report;
    private final int maxReceiveCount;
    private final Map<String, String> bodies = new ConcurrentHashMap<>(); // message id -> body

    SqsDeadLetters(SqsClient sqs, String dlqUrl, ChaosReport report, int maxReceiveCount) {
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.report = report;
        this.maxReceiveCount = maxReceiveCount;
    }

    int size() {
        return bodies.size();
    }

    /** Receives (each receive a long poll of a second) until {@code done} holds or {@code atMost} has passed. */
    void receiveUntil(BooleanSupplier done, Duration atMost) {
        Clock clock = Clock.systemUTC();
        long deadline = clock.millis() + atMost.toMillis();
        while (clock.millis() < deadline) {
            receive(1);
            if (done.getAsBoolean()) {
                return;
            }
        }
    }

    void receive(int waitSeconds) {
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(dlqUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds).visibilityTimeout(43_200)).messages()) {
            bodies.put(m.messageId(), m.body());
        }
    }

    /** Reports every dead letter with its reason, and a violation for each poison message that never arrived. */
    void judge(Map<String, String> poison) {
        Set<String> found = new HashSet<>();
        for (String body : bodies.values()) {
            String rejection = Bodies.rejection(body);
            String token = poison.keySet().stream().filter(body::contains).findFirst().orElse(null);
            if (token != null && rejection != null) {
                found.add(token);
                report.deadLetter(new ChaosReport.DeadLetter("pipeline", true, rejection, Bodies.preview(body)));
            } else {
                report.deadLetter(new ChaosReport.DeadLetter("pipeline", false,
                        rejection == null ? "a good event, dead-lettered after " + maxReceiveCount + " receives" : rejection,
                        Bodies.preview(body)));
            }
        }
        for (String token : poison.keySet()) {
            if (!found.contains(token)) {
                report.violation(new Violation("poison", "-", token + " never reached the DLQ: " + Bodies.preview(poison.get(token))));
            }
        }
    }
}
