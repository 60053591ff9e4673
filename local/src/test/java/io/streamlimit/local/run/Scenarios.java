package io.streamlimit.local.run;

import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;

/** Small scenarios for the end-to-end tests, built in code so each test shows its settings. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario sqs(String name, int events, int users, QueueSpec queue, ConsumerSpec consumer, DownstreamSpec downstream) {
        return new Scenario(name, "test", new EventsSpec(events, ArrivalPattern.BURST, users, null, null, null, 20),
                Pipeline.SNS_SQS_LAMBDA, queue, consumer, downstream);
    }

    static Scenario kinesis(String name, int events, int users, StreamSpec stream, ConsumerSpec consumer,
                            DownstreamSpec downstream) {
        return new Scenario(name, "test", new EventsSpec(events, ArrivalPattern.BURST, users, null, null, null, 20),
                Pipeline.API_KINESIS_LAMBDA, null, consumer, downstream, null, stream);
    }

    static Scenario snsLambda(String name, int events, int users, ConsumerSpec consumer, DownstreamSpec downstream) {
        return new Scenario(name, "test", new EventsSpec(events, ArrivalPattern.BURST, users, null, null, null, 20),
                Pipeline.SNS_LAMBDA, null, consumer, downstream);
    }
}
