package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The publish route's FIFO parameters, rendered by Apache Velocity as API Gateway renders them. */
class FifoPublishTemplateTest {

    @Test
    void the_group_is_the_uid_and_the_deduplication_id_the_events_type_and_stream() {
        String rendered = MappingTemplates.render("Action=Publish" + PublishEventsApi.FIFO_PARAMETERS,
                "{\"type\":\"close\",\"uid\":\"player-42\",\"streamId\":\"s:9f1c@edge.1\"}").text();

        assertThat(rendered).isEqualTo("Action=Publish&MessageGroupId=player-42"
                + "&MessageDeduplicationId=close%3As%3A9f1c%40edge.1");
    }
}
