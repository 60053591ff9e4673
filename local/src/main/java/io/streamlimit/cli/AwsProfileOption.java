package io.streamlimit.cli;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.AwsProfileException;
import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --aws-profile NAME|FILE}: the AWS behaviour a command reproduces. It overrides a
 * scenario's own {@code awsProfile}; without either, {@code current}.
 */
final class AwsProfileOption {

    private static final Pattern NOT_IN_RUN_ID = Pattern.compile("[^A-Za-z0-9._-]+");

    @Option(names = "--aws-profile", paramLabel = "NAME|FILE",
            description = {"The AWS behaviour to reproduce: current (AWS today, the default), 2020 (AWS during the",
                "original experiments) or a YAML file of AwsBehaviour fields over current; overrides the scenario's awsProfile."})
    String profile;

    /** A scenario and the behaviour it runs under. */
    record Loaded(Scenario scenario, AwsBehaviour behaviour) {
    }

    /** The option's behaviour, else {@code current}. */
    AwsBehaviour behaviour() {
        return profile == null ? AwsBehaviour.current() : override();
    }

    /**
     * Reads a scenario file and validates it under the option's behaviour, else under the file's
     * own {@code awsProfile}. With the option, the scenario records it as its {@code awsProfile}
     * (a file as an absolute path), so that a run says what it reproduced.
     */
    Loaded load(Path scenarioFile) {
        if (profile == null) {
            Scenario scenario = ScenarioLoader.load(scenarioFile);
            return new Loaded(scenario, ScenarioLoader.behaviourOf(scenario, scenarioFile));
        }
        AwsBehaviour behaviour = override();
        return new Loaded(ScenarioLoader.load(scenarioFile, behaviour).withAwsProfile(recorded()), behaviour);
    }

    /**
     * The option as a scenario file next to {@code directory} names it: a profile name as is, a file
     * relative to that directory. Null without the option.
     */
    String relativeTo(Path directory) {
        if (profile == null || AwsProfiles.isName(profile)) {
            return profile;
        }
        return directory.toAbsolutePath().normalize().relativize(Path.of(profile).toAbsolutePath().normalize()).toString();
    }

    /** {@code -aws-2020} or {@code -aws-FILE-NAME} for a run id; empty for {@code current} or none. */
    static String runIdPart(String awsProfile) {
        if (awsProfile == null || awsProfile.equals(AwsProfiles.CURRENT)) {
            return "";
        }
        Path fileName = Path.of(awsProfile).getFileName();
        String stem = (fileName == null ? awsProfile : fileName.toString()).replaceFirst("\\.ya?ml$", "");
        return "-aws-" + NOT_IN_RUN_ID.matcher(stem).replaceAll("_");
    }

    private String recorded() {
        return AwsProfiles.isName(profile) ? profile : Path.of(profile).toAbsolutePath().normalize().toString();
    }

    private AwsBehaviour override() {
        try {
            return AwsProfiles.resolve(profile);
        } catch (AwsProfileException e) {
            throw new UserError("--aws-profile: " + e.getMessage(), e);
        }
    }
}
