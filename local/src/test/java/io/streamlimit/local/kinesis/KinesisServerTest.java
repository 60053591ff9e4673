package io.streamlimit.local.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** kinesis-local against the SDK v2 client with its default protocol (CBOR): create, put, get. */
class KinesisServerTest {

    @Test
    void serves_create_put_and_get_records_to_the_sdk_with_cbor_on_a_loopback_port() {
        try (KinesisServer server = KinesisServer.start(0)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            KinesisClient kinesis = server.client();
            kinesis.createStream(b -> b.streamName("events").shardCount(2));
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("events")).streamDescriptionSummary().streamStatus())
                    .isEqualTo(StreamStatus.ACTIVE);

            List<PutRecordResponse> puts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String body = "{\"type\":\"open\",\"uid\":\"u-1\",\"streamId\":\"s-" + i + "\"}";
                puts.add(kinesis.putRecord(b -> b.streamName("events").partitionKey("u-1")
                        .data(SdkBytes.fromString(body, StandardCharsets.UTF_8))));
            }
            // One partition key, one shard: the three records in order on it.
            String shardId = puts.get(0).shardId();
            assertThat(puts).extracting(PutRecordResponse::shardId).containsOnly(shardId);
            List<Shard> shards = kinesis.listShards(b -> b.streamName("events")).shards();
            assertThat(shards).hasSize(2).extracting(Shard::shardId).contains(shardId);

            String iterator = kinesis.getShardIterator(b -> b.streamName("events").shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse got = kinesis.getRecords(b -> b.shardIterator(iterator).limit(10));
            assertThat(got.records()).extracting(r -> r.data().asUtf8String()).containsExactly(
                    "{\"type\":\"open\",\"uid\":\"u-1\",\"streamId\":\"s-0\"}",
                    "{\"type\":\"open\",\"uid\":\"u-1\",\"streamId\":\"s-1\"}",
                    "{\"type\":\"open\",\"uid\":\"u-1\",\"streamId\":\"s-2\"}");
            assertThat(got.records()).extracting(Record::sequenceNumber)
                    .containsExactlyElementsOf(puts.stream().map(PutRecordResponse::sequenceNumber).toList());
            assertThat(got.records()).extracting(Record::partitionKey).containsOnly("u-1");
            assertThat(got.nextShardIterator()).isNotBlank();
            assertThat(kinesis.getRecords(b -> b.shardIterator(got.nextShardIterator())).records()).isEmpty();
        }
    }

    @Test
    void stops_with_close_and_frees_its_port() {
        KinesisServer server = KinesisServer.start(0);
        int port = server.endpoint().getPort();
        server.close();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void a_taken_port_is_refused() {
        try (KinesisServer first = KinesisServer.start(0)) {
            int port = first.endpoint().getPort();
            assertThatThrownBy(() -> KinesisServer.start(port).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kinesis-local");
        }
    }
}
