package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The POST /records mapping templates, rendered by Apache Velocity as API Gateway renders them:
 * the request becomes Kinesis PutRecords JSON, the response says what was accepted.
 */
class PutRecordsTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = "{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-1\"}";
    private static final String CLOSE = "{\"type\":\"close\",\"uid\":\"player-7\",\"streamId\":\"s-2\",\"at\":\"2026-01-01T00:00:00Z\"}";

    private record PutRecord(String data, String partitionKey) {
    }

    private static List<PutRecord> records(JsonNode request) {
        List<PutRecord> records = new ArrayList<>();
        request.get("Records").forEach(r -> records.add(new PutRecord(
                new String(Base64.getDecoder().decode(r.get("Data").asText()), StandardCharsets.UTF_8),
                r.get("PartitionKey").asText())));
        return records;
    }

    private static JsonNode renderRequest(String body) throws Exception {
        return JSON.readTree(MappingTemplates.render(PutRecordsApi.requestTemplate("streamlimit-events"), body).text());
    }

    @Test
    void one_event_becomes_one_record_keyed_by_its_uid_with_the_event_as_data() throws Exception {
        JsonNode request = renderRequest(OPEN);

        assertThat(request.get("StreamName").asText()).isEqualTo("streamlimit-events");
        assertThat(records(request)).containsExactly(new PutRecord(OPEN, "player-42"));
    }

    @Test
    void an_array_becomes_one_record_per_event_in_order() throws Exception {
        JsonNode request = renderRequest("[" + OPEN + "," + CLOSE + "," + OPEN + "]");

        assertThat(records(request)).containsExactly(
                new PutRecord(OPEN, "player-42"), new PutRecord(CLOSE, "player-7"), new PutRecord(OPEN, "player-42"));
    }

    @Test
    void an_array_of_one_is_one_record() throws Exception {
        assertThat(records(renderRequest("  [" + CLOSE + "]"))).containsExactly(new PutRecord(CLOSE, "player-7"));
    }

    @Test
    void a_full_put_answers_how_many_were_accepted() throws Exception {
        MappingTemplates.Rendered rendered = MappingTemplates.render(PutRecordsApi.RESPONSE_TEMPLATE,
                "{\"FailedRecordCount\":0,\"Records\":[{\"SequenceNumber\":\"1\",\"ShardId\":\"shardId-000000000000\"},"
                        + "{\"SequenceNumber\":\"2\",\"ShardId\":\"shardId-000000000001\"}]}");

        assertThat(JSON.readTree(rendered.text())).isEqualTo(JSON.readTree("{\"accepted\":2,\"failed\":0}"));
        assertThat(rendered.responseOverride()).isEmpty();
    }

    @Test
    void a_partly_failed_put_answers_503_with_each_records_result_in_order() throws Exception {
        String records = "[{\"SequenceNumber\":\"1\",\"ShardId\":\"shardId-000000000000\"},"
                + "{\"ErrorCode\":\"ProvisionedThroughputExceededException\",\"ErrorMessage\":\"Rate exceeded for shard\"}]";
        MappingTemplates.Rendered rendered = MappingTemplates.render(PutRecordsApi.RESPONSE_TEMPLATE,
                "{\"FailedRecordCount\":1,\"Records\":" + records + "}");

        assertThat(JSON.readTree(rendered.text()))
                .isEqualTo(JSON.readTree("{\"accepted\":1,\"failed\":1,\"records\":" + records + "}"));
        assertThat(rendered.responseOverride()).containsEntry("status", 503);
    }
}
