package io.streamlimit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {

    private final EventParser parser = new EventParser();

    @Test
    void parses_a_full_event() {
        StreamEvent event = parser.parse("""
                {"type":"open","uid":"player-42","streamId":"s-9f1c","at":"2026-11-23T10:00:00Z","runId":"run 1","seq":7}
                """);

        assertThat(event).isEqualTo(new StreamEvent(EventType.OPEN, "player-42", "s-9f1c",
                Instant.parse("2026-11-23T10:00:00Z"), "run 1", 7L));
    }

    @Test
    void optional_fields_may_be_absent_or_null() {
        assertThat(parser.parse("{\"type\":\"close\",\"uid\":\"u\",\"streamId\":\"s\"}"))
                .isEqualTo(StreamEvent.close("u", "s"));
        assertThat(parser.parse("{\"type\":\"close\",\"uid\":\"u\",\"streamId\":\"s\",\"at\":null,\"seq\":null}"))
                .isEqualTo(StreamEvent.close("u", "s"));
    }

    @Test
    void accepts_every_allowed_identifier_character_and_128_characters() {
        String uid = "AZaz09._:@-" + "x".repeat(117);

        assertThat(parser.parse("{\"type\":\"open\",\"uid\":\"" + uid + "\",\"streamId\":\"s\"}").uid()).isEqualTo(uid);
    }

    @Test
    void at_accepts_an_offset_and_fractions() {
        StreamEvent event = parser.parse("{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"at\":\"2026-11-23T11:00:00.250+01:00\"}");

        assertThat(event.at()).isEqualTo(Instant.parse("2026-11-23T10:00:00.250Z"));
    }

    @Test
    void unknown_fields_are_ignored() {
        assertThat(parser.parse("{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"player\":{\"v\":2}}"))
                .isEqualTo(StreamEvent.open("u", "s"));
    }

    @Test
    void an_sns_envelope_gives_the_same_event_as_the_raw_message() {
        String raw = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"seq\":3}";
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\","
                + "\"Message\":" + quoteJson(raw) + ",\"Timestamp\":\"2026-11-23T10:00:00Z\"}";

        assertThat(parser.parse(envelope)).isEqualTo(parser.parse(raw));
    }

    @Test
    void an_sns_envelope_without_a_message_string_names_message() {
        assertThatThrownBy(() -> parser.parse("{\"Type\":\"Notification\",\"Message\":{\"type\":\"open\"}}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("Message: ");
    }

    @Test
    void a_bad_event_inside_an_sns_envelope_names_its_field() {
        String envelope = "{\"Type\":\"Notification\",\"Message\":" + quoteJson("{\"type\":\"open\",\"uid\":\"a b\",\"streamId\":\"s\"}") + "}";

        assertThatThrownBy(() -> parser.parse(envelope)).hasMessageStartingWith("uid: ").hasMessageContaining("a space");
    }

    @Test
    void a_batch_is_one_event_or_an_array_of_up_to_ten() {
        String one = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"}";

        assertThat(parser.parseBatch(one)).containsExactly(StreamEvent.open("u", "s"));
        assertThat(parser.parseBatch("[" + String.join(",", java.util.Collections.nCopies(10, one)) + "]")).hasSize(10);
        assertThatThrownBy(() -> parser.parseBatch("[" + String.join(",", java.util.Collections.nCopies(11, one)) + "]"))
                .hasMessage("body: must hold 1 to 10 events, got 11");
        assertThatThrownBy(() -> parser.parseBatch("[]")).hasMessage("body: must hold 1 to 10 events, got 0");
    }

    @Test
    void a_records_batch_takes_as_many_events_as_one_put_records() {
        String one = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"}";

        assertThat(parser.parseBatch("[" + String.join(",", java.util.Collections.nCopies(500, one)) + "]", 500)).hasSize(500);
        assertThatThrownBy(() -> parser.parseBatch("[" + String.join(",", java.util.Collections.nCopies(501, one)) + "]", 500))
                .hasMessage("body: must hold 1 to 500 events, got 501");
    }

    @Test
    void a_bad_event_in_a_batch_is_named_by_its_index() {
        String body = "[{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"},{\"type\":\"open\",\"uid\":\"u\"}]";

        assertThatThrownBy(() -> parser.parseBatch(body))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("events[1].streamId: missing");
    }

    @Test
    void deep_nesting_is_a_clean_error_not_a_stack_overflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String deepInField = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"x\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001);

        assertThatThrownBy(() -> parser.parse(deep)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("body: ").hasMessageContaining("nested");
        assertThatThrownBy(() -> parser.parse(deepInField)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("nested");
        assertThatThrownBy(() -> parser.parseBatch(deep)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void an_event_over_256_kib_is_refused() {
        String padding = "x".repeat(EventParser.MAX_EVENT_BYTES);
        String big = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"pad\":\"" + padding + "\"}";

        assertThatThrownBy(() -> parser.parse(big)).hasMessage("body: over 262144 bytes");
    }

    @Test
    void the_size_limit_counts_utf8_bytes_not_characters() {
        String padding = "\u00e9".repeat(EventParser.MAX_EVENT_BYTES / 2);
        String big = "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"pad\":\"" + padding + "\"}";

        assertThat(big.length()).isLessThan(EventParser.MAX_EVENT_BYTES);
        assertThatThrownBy(() -> parser.parse(big)).hasMessage("body: over 262144 bytes");
    }

    @Test
    void the_writer_output_parses_back_to_the_same_event() {
        StreamEvent event = new StreamEvent(EventType.CLOSE, "u:1", "s@2", Instant.parse("2026-11-23T10:00:00.123Z"), "run-\"9\"", 12L);

        assertThat(parser.parse(EventWriter.toJson(event))).isEqualTo(event);
    }

    static Stream<Arguments> bad_events() {
        return Stream.of(
                Arguments.of("not JSON", "this is not json", "body: not valid JSON"),
                Arguments.of("empty body", "", "body: empty"),
                Arguments.of("blank body", "   ", "body: empty"),
                Arguments.of("null", "null", "body: must be a JSON object, got null"),
                Arguments.of("an array", "[1]", "body: must be a JSON object, got array"),
                Arguments.of("a string", "\"open\"", "body: must be a JSON object, got string"),
                Arguments.of("truncated", "{\"type\":\"open\"", "body: not valid JSON"),
                Arguments.of("trailing garbage", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"} x", "body: not valid JSON"),
                Arguments.of("duplicate key", "{\"type\":\"open\",\"uid\":\"u\",\"uid\":\"v\",\"streamId\":\"s\"}", "body: not valid JSON"),
                Arguments.of("missing type", "{\"uid\":\"u\",\"streamId\":\"s\"}", "type: missing; must be \"open\" or \"close\""),
                Arguments.of("unknown type", "{\"type\":\"pause\",\"uid\":\"u\",\"streamId\":\"s\"}", "type: must be \"open\" or \"close\", got \"pause\""),
                Arguments.of("type in capitals", "{\"type\":\"OPEN\",\"uid\":\"u\",\"streamId\":\"s\"}", "type: must be \"open\" or \"close\", got \"OPEN\""),
                Arguments.of("type a number", "{\"type\":1,\"uid\":\"u\",\"streamId\":\"s\"}", "type: must be \"open\" or \"close\", got number"),
                Arguments.of("missing uid", "{\"type\":\"open\",\"streamId\":\"s\"}", "uid: missing; must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -"),
                Arguments.of("empty uid", "{\"type\":\"open\",\"uid\":\"\",\"streamId\":\"s\"}", "uid: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got 0 characters"),
                Arguments.of("uid of 129 characters", "{\"type\":\"open\",\"uid\":\"" + "u".repeat(129) + "\",\"streamId\":\"s\"}",
                        "uid: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got 129 characters"),
                Arguments.of("uid with a slash", "{\"type\":\"open\",\"uid\":\"a/b\",\"streamId\":\"s\"}",
                        "uid: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got '/' at position 2"),
                Arguments.of("uid with a space", "{\"type\":\"open\",\"uid\":\"a b\",\"streamId\":\"s\"}",
                        "uid: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got a space at position 2"),
                Arguments.of("uid with a newline", "{\"type\":\"open\",\"uid\":\"a\\nb\",\"streamId\":\"s\"}", "got U+000A at position 2"),
                Arguments.of("uid with an accent", "{\"type\":\"open\",\"uid\":\"caf\u00e9\",\"streamId\":\"s\"}", "got U+00E9 at position 4"),
                Arguments.of("uid a number", "{\"type\":\"open\",\"uid\":42,\"streamId\":\"s\"}", "uid: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got number"),
                Arguments.of("missing streamId", "{\"type\":\"open\",\"uid\":\"u\"}", "streamId: missing"),
                Arguments.of("streamId an object", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":{}}", "streamId: must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -, got object"),
                Arguments.of("at not a date", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"at\":\"yesterday\"}", "at: must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, got \"yesterday\""),
                Arguments.of("at without a zone", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"at\":\"2026-11-23T10:00:00\"}", "at: must be an ISO-8601 instant"),
                Arguments.of("at a number", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"at\":1795428009}", "at: must be an ISO-8601 instant such as 2026-11-23T10:00:00Z, got number"),
                Arguments.of("seq negative", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"seq\":-1}", "seq: must be a non-negative integer, got -1"),
                Arguments.of("seq a fraction", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"seq\":1.5}", "seq: must be a non-negative integer, got 1.5"),
                Arguments.of("seq a string", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"seq\":\"1\"}", "seq: must be a non-negative integer, got string"),
                Arguments.of("seq too big", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"seq\":99999999999999999999}", "seq: must be a non-negative integer, got 99999999999999999999"),
                Arguments.of("runId empty", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"runId\":\"\"}", "runId: must be 1 to 128 printable characters, got 0 characters"),
                Arguments.of("runId a control character", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"runId\":\"a\\u0000\"}", "runId: must be 1 to 128 printable characters, got U+0000 at position 2"),
                Arguments.of("runId a list", "{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"runId\":[]}", "runId: must be 1 to 128 printable characters, got array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bad_events(String name, String body, String expectedMessage) {
        assertThatThrownBy(() -> parser.parse(body))
                .isExactlyInstanceOf(InvalidEventException.class)
                .hasMessageContaining(expectedMessage)
                .hasNoCause();
    }

    static String quoteJson(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
