package io.streamlimit.cdk;

import java.util.Locale;

/** CloudFormation stack names: letters, digits and hyphens, starting with a letter, at most 128. */
public final class StackNames {

    private static final String PREFIX = "streamlimit-";
    private static final int MAX_LENGTH = 128;

    private StackNames() {
    }

    /** {@code sqs-rc1-high-visibility} becomes {@code streamlimit-sqs-rc1-high-visibility}. */
    public static String forScenario(String scenarioName) {
        String cleaned = scenarioName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        String name = PREFIX + cleaned;
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH).replaceAll("-$", "");
    }
}
