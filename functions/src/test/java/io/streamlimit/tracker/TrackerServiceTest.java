package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackerServiceTest {

    private final TrackerService service =
            new TrackerService(new InMemoryTrackerStore(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void issued_tokens_are_distinct_uuids() {
        String a = service.issueToken();
        String b = service.issueToken();
        assertThat(a).isNotEqualTo(b);
        assertThat(UUID.fromString(a).toString()).isEqualTo(a);
    }

    @Test
    void a_token_collision_is_retried_with_a_new_token() {
        UUID fixed = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        java.util.Iterator<UUID> ids = java.util.List.of(fixed, fixed, next).iterator();
        TrackerService s = new TrackerService(new InMemoryTrackerStore(), Clock.systemUTC(), ids::next);
        assertThat(s.issueToken()).isEqualTo(fixed.toString());
        assertThat(s.issueToken()).isEqualTo(next.toString());
    }

    @Test
    void the_query_string_is_not_part_of_the_path() {
        String token = service.issueToken();
        assertThat(service.count(token, "/p?x=1")).isEqualTo(1);
        assertThat(service.count(token, "/p")).isEqualTo(2);
        assertThat(service.count(token, "/p?")).isEqualTo(3);
    }

    @Test
    void an_empty_path_counts_as_the_root() {
        String token = service.issueToken();
        assertThat(service.count(token, "")).isEqualTo(1);
        assertThat(service.count(token, "/")).isEqualTo(2);
    }

    @Test
    void a_token_in_upper_case_is_the_same_token() {
        String token = service.issueToken();
        service.count(token, "/");
        assertThat(service.count(token.toUpperCase(), "/")).isEqualTo(2);
    }

    @Test
    void a_path_of_1024_bytes_is_counted_and_1025_refused() {
        String token = service.issueToken();
        assertThat(service.count(token, "/" + "a".repeat(1023))).isEqualTo(1);
        assertThatThrownBy(() -> service.count(token, "/" + "a".repeat(1024)))
                .isInstanceOf(PathTooLongException.class)
                .hasMessageContaining("1025 bytes");
    }

    @Test
    void path_length_is_measured_in_utf8_bytes() {
        String token = service.issueToken();
        // 'é' is 2 bytes: 1 + 512 x 2 = 1025 bytes in 513 characters.
        assertThatThrownBy(() -> service.count(token, "/" + "é".repeat(512)))
                .isInstanceOf(PathTooLongException.class);
    }

    @Test
    void the_query_string_does_not_count_towards_the_path_limit() {
        String token = service.issueToken();
        assertThat(service.count(token, "/p?" + "q".repeat(5000))).isEqualTo(1);
    }

    @Test
    void missing_malformed_and_unknown_tokens_are_refused_with_a_reason() {
        assertThatThrownBy(() -> service.count(null, "/")).isInstanceOf(InvalidTokenException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> service.count("  ", "/")).isInstanceOf(InvalidTokenException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> service.count("not-a-token", "/")).isInstanceOf(InvalidTokenException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> service.count(UUID.randomUUID().toString(), "/")).isInstanceOf(InvalidTokenException.class).hasMessageContaining("unknown");
    }

    @Test
    void handle_routes_get_auth_and_counts_and_maps_each_failure_to_its_status() {
        TrackerResponse auth = service.handle(new TrackerRequest("GET", "/auth", null));
        assertThat(auth.status()).isEqualTo(200);
        String token = auth.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        assertThat(service.handle(new TrackerRequest("GET", "/a", token))).isEqualTo(new TrackerResponse(200, "{\"count\":1}"));
        assertThat(service.handle(new TrackerRequest("GET", "/a", token))).isEqualTo(new TrackerResponse(200, "{\"count\":2}"));
        assertThat(service.handle(new TrackerRequest("POST", "/a", token))).isEqualTo(new TrackerResponse(405,
                "{\"error\":\"method POST not allowed: the tracker answers GET\"}"));
        assertThat(service.handle(new TrackerRequest("GET", "/a", null))).isEqualTo(new TrackerResponse(401,
                "{\"error\":\"missing token: send the Authorization header with a token from GET /auth\"}"));
        assertThat(service.handle(new TrackerRequest("GET", "/" + "x".repeat(TrackerService.MAX_PATH_BYTES), token)))
                .isEqualTo(new TrackerResponse(414, "{\"error\":\"path is 1025 bytes; the limit is 1024\"}"));
    }
}
