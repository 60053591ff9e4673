package io.streamlimit.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.streamlimit.scenario.ScenarioException;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * The CDK app: one {@link ScenarioStack} for the scenario file named by {@code -c scenario=...},
 * checked by cdk-nag's AWS Solutions rules.
 */
public final class StreamlimitApp {

    private StreamlimitApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            build(app, Path.of("").toAbsolutePath());
        } catch (AppConfigurationException | MissingFunctionsJarException | ScenarioException
                | UnsupportedScenarioException e) {
            // A user error: the message says what to change; a stack trace would bury it.
            System.err.println("streamlimit cdk: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** Adds the scenario's stack, named after the scenario, and the cdk-nag checks to {@code app}. */
    static ScenarioStack build(App app, Path workingDirectory) {
        ScenarioStackProps props = AppContext.read(app.getNode(), workingDirectory);
        ScenarioStack stack = new ScenarioStack(app, StackNames.forScenario(props.scenario().name()), props);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }
}
