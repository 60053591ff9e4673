package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.util.Date;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/** The {@link KinesisEvent} Lambda hands the function for a batch of one shard's records. */
final class KinesisLambdaEvents {

    private KinesisLambdaEvents() {
    }

    static KinesisEvent of(List<Record> records, String shardId, String streamArn) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records.stream().map(r -> record(r, shardId, streamArn)).toList());
        return event;
    }

    private static KinesisEvent.KinesisEventRecord record(Record r, String shardId, String streamArn) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setKinesisSchemaVersion("1.0");
        kinesis.setPartitionKey(r.partitionKey());
        kinesis.setSequenceNumber(r.sequenceNumber());
        kinesis.setData(r.data().asByteBuffer());
        if (r.approximateArrivalTimestamp() != null) {
            kinesis.setApproximateArrivalTimestamp(Date.from(r.approximateArrivalTimestamp()));
        }
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventSource("aws:kinesis");
        record.setEventVersion("1.0");
        record.setEventID(shardId + ":" + r.sequenceNumber());
        record.setEventName("aws:kinesis:record");
        record.setEventSourceARN(streamArn);
        record.setAwsRegion("us-east-1");
        return record;
    }
}
