package io.streamlimit.check;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import java.util.Map;

/** HTTP API (payload 2.0) -> {@link CheckService}. */
public class CheckHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CheckService service;

    public CheckHandler() {
        this(Wiring.checkService(Settings.fromEnv(System.getenv())));
    }

    public CheckHandler(CheckService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiResponse response = service.handle(toRequest(event));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.of("content-type", ApiResponse.CONTENT_TYPE))
                .withBody(response.body())
                .build();
    }

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return new ApiRequest("", "", null);
        }
        String method = null;
        String stage = null;
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null) {
            stage = context.getStage();
            if (context.getHttp() != null) {
                method = context.getHttp().getMethod();
            }
        }
        if (method == null && event.getRouteKey() != null && event.getRouteKey().contains(" ")) {
            method = event.getRouteKey().substring(0, event.getRouteKey().indexOf(' '));
        }
        return new ApiRequest(method, withoutStage(event.getRawPath(), stage), event.getBody(), event.getIsBase64Encoded());
    }

    /** A named stage prefixes rawPath with "/{stage}"; the $default stage does not. */
    private static String withoutStage(String rawPath, String stage) {
        if (rawPath == null || stage == null || stage.equals("$default")) {
            return rawPath;
        }
        String prefix = "/" + stage;
        return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length()) : rawPath;
    }
}
