package io.streamlimit.cdk;

import io.streamlimit.event.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;

/** The stream event as {@code EventParser} accepts it, as a JSON schema for API Gateway's request validation. */
final class EventSchemas {

    private EventSchemas() {
    }

    /**
     * type open|close, uid and streamId of 1 to 128 of A-Z a-z 0-9 . _ : @ -, optional at.
     * No {@code $schema} of its own, so it can be the schema of a model or a part of one.
     */
    static JsonSchema.Builder event() {
        return event(Identifiers.MAX_LENGTH);
    }

    /** The event with streamId shorter than the parser allows, for a route that builds an id of its own from it. */
    static JsonSchema.Builder event(int streamIdMaxLength) {
        JsonSchema identifier = identifier(Identifiers.MAX_LENGTH);
        return JsonSchema.builder()
                .type(JsonSchemaType.OBJECT)
                .required(List.of("type", "uid", "streamId"))
                // Sorted: the schema is part of the Deployment's logical id, so its order must not depend on hashing.
                .properties(new TreeMap<>(Map.of(
                        "type", JsonSchema.builder().type(JsonSchemaType.STRING).enumValue(List.of("open", "close")).build(),
                        "uid", identifier,
                        "streamId", identifier(streamIdMaxLength),
                        "at", JsonSchema.builder().type(JsonSchemaType.STRING).maxLength(64).build())));
    }

    private static JsonSchema identifier(int maxLength) {
        return JsonSchema.builder()
                .type(JsonSchemaType.STRING)
                .minLength(1)
                .maxLength(maxLength)
                .pattern("^[A-Za-z0-9._:@-]+$")
                .build();
    }
}
