package io.streamlimit.local.chaos;

import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The Kinesis phase's producer, as the API proxy puts events: PutRecords with the uid as
 * partition key, entries Kinesis refuses put again in order, and, by its own dice (so that what it
 * puts twice does not depend on the consumers' timing), a call put again whole, as a producer
 * that lost the answer would: its records are then in the stream twice. {@code duplicated} hears
 * each such call.
 */
record KinesisProducer(KinesisClient kinesis, String stream, Random dice, double duplicateShare, Runnable duplicated) {

    private static final int PUT_ATTEMPTS = 4;

    /** Puts {@code events}, by the dice twice; returns every record Kinesis accepted, in order. */
    List<KinesisPut> putMaybeTwice(List<StreamEvent> events) {
        List<KinesisPut> accepted = new ArrayList<>(put(events));
        if (dice.nextDouble() < duplicateShare) {
            duplicated.run();
            accepted.addAll(put(events));
        }
        return accepted;
    }

    /**
     * Puts {@code events} once; returns the records Kinesis accepted. What it never accepted is
     * the producer's to report, not the pipeline's to deliver.
     */
    List<KinesisPut> put(List<StreamEvent> events) {
        List<KinesisPut> accepted = new ArrayList<>();
        List<StreamEvent> pending = List.copyOf(events);
        for (int attempt = 1; attempt <= PUT_ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<PutRecordsRequestEntry> entries = pending.stream().map(e -> PutRecordsRequestEntry.builder()
                    .partitionKey(e.uid()).data(SdkBytes.fromUtf8String(EventWriter.toJson(e))).build()).toList();
            PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
            List<StreamEvent> refused = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() == null) {
                    accepted.add(new KinesisPut(result.shardId(), result.sequenceNumber(), pending.get(i)));
                } else {
                    refused.add(pending.get(i));
                }
            }
            pending = refused;
        }
        return accepted;
    }
}
