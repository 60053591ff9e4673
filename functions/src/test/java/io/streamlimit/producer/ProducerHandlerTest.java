package io.streamlimit.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventType;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.runtime.FunctionContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerHandlerTest {

    private final ManualClock clock = ManualClock.atDefaultStart();
    private final List<StreamEvent> published = new ArrayList<>();
    private final ProducerHandler handler =
            new ProducerHandler(new ProducerService(new EventParser(), published::addAll, clock));

    @Test
    void a_count_request_publishes_numbered_opens_spread_over_the_users() throws Exception {
        String answer = invoke("{\"count\":1000,\"users\":200,\"runId\":\"run-7\"}");

        assertThat(answer).isEqualTo("{\"runId\":\"run-7\",\"published\":1000}");
        assertThat(published).hasSize(1000);
        assertThat(published).extracting(StreamEvent::seq).startsWith(1L, 2L).endsWith(1000L);
        assertThat(published.stream().map(StreamEvent::uid).distinct()).hasSize(200);
        assertThat(published.stream().map(StreamEvent::streamId).distinct()).hasSize(1000);
        assertThat(published).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(EventType.OPEN);
            assertThat(event.runId()).isEqualTo("run-7");
            assertThat(event.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void an_events_request_publishes_those_events() throws Exception {
        String answer = invoke("{\"events\":[{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\",\"runId\":\"r\"},"
                + "{\"type\":\"close\",\"uid\":\"u\",\"streamId\":\"s\",\"runId\":\"r\"}]}");

        assertThat(answer).isEqualTo("{\"runId\":\"r\",\"published\":2}");
        assertThat(published).extracting(StreamEvent::type).containsExactly(EventType.OPEN, EventType.CLOSE);
    }

    @Test
    void a_bad_request_names_the_field_and_publishes_nothing() {
        assertThatThrownBy(() -> invoke("{\"events\":[{\"type\":\"open\",\"uid\":\"u\",\"streamId\":\"s\"},{\"type\":\"x\"}]}"))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("events[1].type:");
        assertThatThrownBy(() -> invoke("{\"users\":3}")).hasMessageStartingWith("count: missing");
        assertThatThrownBy(() -> invoke("{\"count\":-1}")).hasMessageStartingWith("count: must be an integer from 0");
        assertThatThrownBy(() -> invoke("{\"count\":1,\"runId\":\"a b\"}")).hasMessageStartingWith("runId:");
        assertThatThrownBy(() -> invoke("[]")).hasMessageStartingWith("request:");
        assertThat(published).isEmpty();
    }

    private String invoke(String request) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, FunctionContext.forRequest("r"));
        return output.toString(StandardCharsets.UTF_8);
    }
}
