package io.streamlimit.local.chaos;

import io.streamlimit.event.StreamEvent;
import java.math.BigInteger;

/** A record Kinesis accepted: the event it carries, where PutRecords said it went. */
record KinesisPut(String shardId, String sequenceNumber, StreamEvent event) {

    /** Whether this record is in {@code range}: its shard, between the first and the last sequence number. */
    boolean in(OnFailureRange range) {
        if (!shardId.equals(range.shardId())) {
            return false;
        }
        BigInteger seq = new BigInteger(sequenceNumber);
        return seq.compareTo(new BigInteger(range.startSequenceNumber())) >= 0
                && seq.compareTo(new BigInteger(range.endSequenceNumber())) <= 0;
    }
}
