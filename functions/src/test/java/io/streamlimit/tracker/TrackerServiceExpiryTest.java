package io.streamlimit.tracker;

import io.streamlimit.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tracker's answers as tokens expire, on DynamoDB Local: 401 for an expired token, counts for a live one. */
class TrackerServiceExpiryTest {

    private static final Duration LIFETIME = Duration.ofDays(7);

    private final ManualClock clock = ManualClock.startingNow();
    private final TrackerService service = new TrackerService(new DynamoDbTrackerStore(LocalDynamoDb.client(),
            LocalDynamoDb.newTrackerTable(), new TrackerItemExpiry(LIFETIME, clock)), clock);

    private String auth() {
        TrackerResponse response = service.handle(new TrackerRequest("GET", "/auth", null));
        assertThat(response.status()).isEqualTo(200);
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private TrackerResponse get(String path, String token) {
        return service.handle(new TrackerRequest("GET", path, token));
    }

    @Test
    void an_expired_token_gets_401_and_a_live_one_keeps_counting() {
        String live = auth();
        String unused = auth();
        assertThat(get("/videos/42", live)).isEqualTo(new TrackerResponse(200, "{\"count\":1}"));

        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(get("/videos/42", live)).isEqualTo(new TrackerResponse(200, "{\"count\":2}"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(get("/videos/42", unused)).isEqualTo(new TrackerResponse(401,
                "{\"error\":\"unknown or expired token: get one from GET /auth\"}"));
        assertThat(get("/videos/42", live)).isEqualTo(new TrackerResponse(200, "{\"count\":3}"));
        assertThat(get("/", live)).isEqualTo(new TrackerResponse(200, "{\"count\":1}"));

        String fresh = auth();
        assertThat(get("/videos/42", fresh)).isEqualTo(new TrackerResponse(200, "{\"count\":1}"));
        assertThat(get("/videos/42", unused).status()).isEqualTo(401);
    }
}
