package io.streamlimit.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as one line, {@code file:line:column: problem}: the parser's own message
 * spans several lines (the context, the offending line, a caret).
 */
final class YamlErrors {

    private YamlErrors() {
    }

    /** {@code :line:column} of the problem, or empty when the parser gave none. */
    static String location(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return ":" + (marked.getProblemMark().getLine() + 1) + ":" + (marked.getProblemMark().getColumn() + 1);
        }
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String context = marked.getContext();
            return marked.getProblem().strip() + (context == null ? "" : " (" + context.strip() + ")");
        }
        String message = String.valueOf(e.getOriginalMessage()).strip();
        int lineBreak = message.indexOf('\n');
        return lineBreak < 0 ? message : message.substring(0, lineBreak).strip();
    }
}
