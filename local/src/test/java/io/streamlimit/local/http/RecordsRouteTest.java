package io.streamlimit.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.local.kinesis.KinesisEventPublisher;
import io.streamlimit.local.kinesis.KinesisServer;
import io.streamlimit.local.kinesis.ShardWriteLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * {@code POST /records} over HTTP into kinesis-local, with a one-shard stream's write limits on a
 * clock the test holds still: a shard takes 1,000 records in a second, PutRecords reports the rest
 * per record, and the route answers as the CDK app's PutRecords proxy does.
 */
class RecordsRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "records-route";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_burst_over_one_shards_limit_gets_exactly_the_refused_records_reported_and_put_only_the_others() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00.250Z"));
        AtomicInteger throttles = new AtomicInteger();
        try (KinesisServer server = KinesisServer.start(0)) {
            KinesisClient kinesis = server.client();
            kinesis.createStream(b -> b.streamName(STREAM).shardCount(1));
            ShardWriteLimits limits = new ShardWriteLimits(KinesisWriteLimits.of(AwsBehaviour.current(), 1),
                    new KinesisShards(1), clock, new Random(1), at -> throttles.incrementAndGet());
            RecordsRoute route = new RecordsRoute((event, context) -> APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(404).build(), new KinesisEventPublisher(kinesis, STREAM, limits));
            try (HttpApiServer api = HttpApiServer.start("records-test", 0, 4, route)) {
                URI records = api.url().resolve("/records");

                // 400 + 400 fit the shard's 1,000 records a second; of the third 400, the first 200 do.
                assertThat(post(records, 0, 400)).returns(202, HttpResponse::statusCode)
                        .returns("{\"accepted\":400}", HttpResponse::body);
                assertThat(post(records, 400, 400).body()).isEqualTo("{\"accepted\":400}");
                HttpResponse<String> third = post(records, 800, 400);
                assertThat(third.statusCode()).isEqualTo(503);
                JsonNode body = JSON.readTree(third.body());
                assertThat(body.get("accepted").asInt()).isEqualTo(200);
                assertThat(body.get("failed").asInt()).isEqualTo(200);
                assertThat(body.get("records")).hasSize(400);
                for (int i = 0; i < 400; i++) {
                    JsonNode result = body.get("records").get(i);
                    if (i < 200) {
                        assertThat(result.get("ShardId").asText()).isEqualTo("shardId-000000000000");
                        assertThat(result.get("SequenceNumber").asText()).isNotBlank();
                        assertThat(result.has("ErrorCode")).isFalse();
                    } else {
                        assertThat(result.get("ErrorCode").asText()).isEqualTo("ProvisionedThroughputExceededException");
                        assertThat(result.get("ErrorMessage").asText()).isEqualTo("Rate exceeded for shard shardId-000000000000"
                                + " in stream " + STREAM + " under account 000000000000.");
                        assertThat(result.has("SequenceNumber")).isFalse();
                    }
                }
                assertThat(throttles).hasValue(200);
                // Still the same second: every record refused, none put.
                HttpResponse<String> refused = post(records, 1_200, 1);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(refused.body()).get("accepted").asInt()).isZero();

                // The next second the shard takes records again.
                clock.advance(Duration.ofMillis(750));
                assertThat(post(records, 2_000, 3).body()).isEqualTo("{\"accepted\":3}");
                assertThat(post(records, 0, 501).statusCode()).isEqualTo(400);
            }
            // The stream holds exactly the records reported accepted, in the order they were put.
            List<String> expected = new ArrayList<>();
            IntStream.range(0, 1_000).forEach(i -> expected.add("s-" + i));
            IntStream.range(2_000, 2_003).forEach(i -> expected.add("s-" + i));
            assertThat(streamIds(kinesis)).containsExactlyElementsOf(expected);
        }
    }

    /** {@code count} open events s-{from}.. for as many uids, in one request. */
    private HttpResponse<String> post(URI records, int from, int count) throws Exception {
        String body = IntStream.range(from, from + count)
                .mapToObj(i -> "{\"type\":\"open\",\"uid\":\"u-" + i + "\",\"streamId\":\"s-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return http.send(HttpRequest.newBuilder(records).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> streamIds(KinesisClient kinesis) throws Exception {
        String shard = kinesis.listShards(b -> b.streamName(STREAM)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(b -> b.streamName(STREAM).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<String> ids = new ArrayList<>();
        while (true) {
            String from = iterator;
            GetRecordsResponse got = kinesis.getRecords(b -> b.shardIterator(from));
            for (var record : got.records()) {
                ids.add(JSON.readTree(record.data().asUtf8String()).get("streamId").asText());
            }
            if (got.records().isEmpty()) {
                break;
            }
            iterator = got.nextShardIterator();
        }
        return ids;
    }
}
