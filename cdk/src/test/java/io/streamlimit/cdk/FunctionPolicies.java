package io.streamlimit.cdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Reads, from a synthesized template, the IAM statements attached to one role. */
final class FunctionPolicies {

    /** One IAM statement: its actions and its resources, as template JSON text. */
    record Statement(Set<String> actions, String resources) {
    }

    private final Template template;
    private final Map<String, Object> resources;

    @SuppressWarnings("unchecked")
    FunctionPolicies(Template template) {
        this.template = template;
        this.resources = (Map<String, Object>) template.toJSON().get("Resources");
    }

    /** Logical id of the one function with this handler. */
    String functionWithHandler(String handler) {
        Map<String, Map<String, Object>> found = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Match.objectLike(Map.of("Handler", handler))));
        if (found.size() != 1) {
            throw new AssertionError("expected one function with handler " + handler + ", found " + found.keySet());
        }
        return found.keySet().iterator().next();
    }

    /** The role a function runs as. */
    @SuppressWarnings("unchecked")
    String roleOf(String functionLogicalId) {
        Map<String, Object> properties = properties(functionLogicalId);
        Map<String, Object> role = (Map<String, Object>) properties.get("Role");
        return ((List<String>) role.get("Fn::GetAtt")).get(0);
    }

    /** Every action of every policy attached to the role. */
    Set<String> actionsOf(String roleLogicalId) {
        Set<String> actions = new TreeSet<>();
        statementsOf(roleLogicalId).forEach(s -> actions.addAll(s.actions()));
        return actions;
    }

    @SuppressWarnings("unchecked")
    List<Statement> statementsOf(String roleLogicalId) {
        List<Statement> statements = new ArrayList<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            if (!"AWS::IAM::Policy".equals(resource.get("Type"))) {
                continue;
            }
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            List<Object> roles = (List<Object>) properties.get("Roles");
            if (!roles.contains(Map.of("Ref", roleLogicalId))) {
                continue;
            }
            Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                statements.add(new Statement(strings(statement.get("Action")), String.valueOf(statement.get("Resource"))));
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(Object value) {
        return value instanceof Collection<?> list ? new TreeSet<>((Collection<String>) list) : new TreeSet<>(Set.of((String) value));
    }
}
