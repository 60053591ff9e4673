package io.streamlimit.cdk;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** What cdk-nag's AwsSolutions checks left unsuppressed on a stack, for the tests to assert. */
final class NagFindings {

    private NagFindings() {
    }

    /** The unsuppressed AwsSolutions errors and warnings, each as "construct path: finding". */
    static List<String> of(Stack stack) {
        return all(stack).stream().map(NagFindings::describe).toList();
    }

    /** The same findings as messages. */
    static List<SynthesisMessage> all(Stack stack) {
        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = new ArrayList<>(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        findings.addAll(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        return findings;
    }

    static String describe(SynthesisMessage message) {
        return message.getId() + ": " + message.getEntry().getData();
    }
}
