package io.streamlimit.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsMessageTest {

    @Test
    void a_plain_message_goes_to_every_protocol_as_is() {
        SnsMessage message = SnsMessage.parse("{\"default\":\"x\"}", null);

        assertThat(message.textFor("sqs")).isEqualTo("{\"default\":\"x\"}");
        assertThat(message.textFor("lambda")).isEqualTo("{\"default\":\"x\"}");
    }

    @Test
    void a_json_structure_gives_each_protocol_its_key_or_the_default() {
        SnsMessage message = SnsMessage.parse("{\"default\":\"d\",\"sqs\":\"q\",\"email\":\"e\"}", "json");

        assertThat(message.textFor("sqs")).isEqualTo("q");
        assertThat(message.textFor("lambda")).isEqualTo("d");
        assertThat(message.byProtocol()).isEqualTo(Map.of("sqs", "q", "email", "e"));
    }

    @Test
    void a_json_structure_is_refused_as_sns_refuses_it() {
        assertRefused("{\"sqs\":\"q\"}", "json", "No default entry in JSON message body");
        assertRefused("{nope", "json", "JSON message body failed to parse");
        assertRefused("[\"default\"]", "json", "must be an object");
        assertRefused("{\"default\":{\"type\":\"open\"}}", "json", "the value of 'default' must be a string");
        assertRefused("{\"default\":\"d\"}", "xml", "MessageStructure: must be json, got 'xml'");
    }

    private static void assertRefused(String message, String structure, String reason) {
        assertThatThrownBy(() -> SnsMessage.parse(message, structure))
                .isInstanceOfSatisfying(SnsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Invalid parameter: ").contains(reason);
                });
    }
}
