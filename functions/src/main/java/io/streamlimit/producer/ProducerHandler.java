package io.streamlimit.producer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Publishes a run's events to the topic; see {@link ProducerService} for the request. Answers
 * {@code {"runId":"...","published":N}}. A stream handler, so the request is read with the
 * project's own strict parser rather than Lambda's serializer.
 */
public class ProducerHandler implements RequestStreamHandler {

    private final ProducerService service;

    public ProducerHandler() {
        this(Wiring.producerService(Settings.fromEnv(System.getenv())));
    }

    public ProducerHandler(ProducerService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String request = new String(input.readNBytes(ProducerService.MAX_REQUEST_BYTES + 1), StandardCharsets.UTF_8);
        ProducerService.Result result = service.run(request);
        String answer = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("runId", result.runId())
                .put("published", result.published())
                .toString();
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }
}
