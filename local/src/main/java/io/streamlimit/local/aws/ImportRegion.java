package io.streamlimit.local.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * The region import-aws talks to, in the AWS CLI's order: {@code --region}, then
 * {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION}, then the profile's {@code region}
 * ({@code AWS_PROFILE}, else {@code default}, in {@code AWS_CONFIG_FILE}, else ~/.aws/config).
 * With an endpoint URL (an emulator) and none of these, us-east-1. Never the instance metadata:
 * on a laptop it only adds seconds of timeouts before the same answer.
 *
 * @param source where it came from, for the one line import-aws prints
 */
public record ImportRegion(Region region, String source) {

    /**
     * @param flag {@code --region}, or null
     * @param env the process environment
     * @param home the user's home directory (where ~/.aws is)
     * @param emulator whether an endpoint URL was given
     * @throws ImportException naming the three places a region can come from when none has one
     */
    public static ImportRegion resolve(String flag, Map<String, String> env, Path home, boolean emulator) {
        if (flag != null) {
            return of(flag, "--region");
        }
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return of(value, variable);
            }
        }
        String profile = Optional.ofNullable(env.get("AWS_PROFILE")).filter(p -> !p.isBlank()).orElse("default");
        Path config = Optional.ofNullable(env.get("AWS_CONFIG_FILE")).filter(p -> !p.isBlank()).map(Path::of)
                .orElse(home.resolve(".aws").resolve("config"));
        Optional<String> fromProfile = profileRegion(config, profile);
        if (fromProfile.isPresent()) {
            return of(fromProfile.get(), "profile " + profile + " in " + config);
        }
        if (emulator) {
            return new ImportRegion(Region.US_EAST_1, "the default with --endpoint-url");
        }
        throw new ImportException("no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or give profile '"
                + profile + "' a region in " + config + " (aws configure set region us-east-1)");
    }

    private static ImportRegion of(String name, String source) {
        if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new ImportException((source.startsWith("--") ? source : "region from " + source)
                    + ": must be a region name such as us-east-1, got '" + name + "'");
        }
        return new ImportRegion(Region.of(name), source);
    }

    private static Optional<String> profileRegion(Path config, String profile) {
        if (!Files.isReadable(config)) {
            return Optional.empty();
        }
        try {
            ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
            return file.profile(profile).flatMap(p -> p.property("region")).filter(r -> !r.isBlank());
        } catch (RuntimeException e) {
            throw new ImportException("cannot read the region of profile '" + profile + "' from " + config + ": "
                    + e.getMessage());
        }
    }
}
