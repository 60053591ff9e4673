package io.streamlimit.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Renders an API Gateway mapping template with Apache Velocity and stand-ins for the parts of
 * {@code $input}, {@code $util} and {@code $context} the templates use, as API Gateway documents
 * them: {@code $input.json(path)} is the JSON text at a JSONPath, {@code $input.path(path)} the
 * value there as an object (a map, a list, a string, a number), {@code $input.body} the raw body.
 * Only the paths the templates use are read: {@code $}, {@code $.name}, {@code $[i]}.
 */
final class MappingTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("\\$(?:\\.([A-Za-z]+)|\\[(\\d+)])?");

    /** What a rendering left behind: the text and what the template set on {@code $context.responseOverride}. */
    record Rendered(String text, Map<String, Object> responseOverride) {
    }

    private MappingTemplates() {
    }

    static Rendered render(String template, String body) {
        VelocityEngine engine = new VelocityEngine();
        engine.init();
        VelocityContext context = new VelocityContext();
        context.put("input", new Input(body));
        context.put("util", new Util());
        Map<String, Object> responseOverride = new HashMap<>();
        context.put("context", new HashMap<>(Map.of("responseOverride", responseOverride)));
        StringWriter out = new StringWriter();
        engine.evaluate(context, out, "mapping-template", template);
        return new Rendered(out.toString(), responseOverride);
    }

    /** {@code $input}. */
    public static final class Input {
        private final String body;
        private final JsonNode root;

        Input(String body) {
            this.body = body;
            try {
                this.root = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON: " + body, e);
            }
        }

        public String getBody() {
            return body;
        }

        public String json(String path) throws JsonProcessingException {
            return JSON.writeValueAsString(node(path));
        }

        public Object path(String path) {
            return JSON.convertValue(node(path), Object.class);
        }

        private JsonNode node(String path) {
            Matcher m = PATH.matcher(path);
            if (!m.matches()) {
                throw new IllegalArgumentException("path not supported by this stand-in: " + path);
            }
            if (m.group(1) != null) {
                return root.get(m.group(1));
            }
            if (m.group(2) != null) {
                return root.get(Integer.parseInt(m.group(2)));
            }
            return root;
        }
    }

    /** {@code $util}. */
    public static final class Util {
        public String base64Encode(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        public String urlEncode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
