package io.streamlimit.local.sns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The machine's real AWS CLI (v1) and boto3, pointed at a local endpoint with dummy credentials,
 * so that the local SNS is checked by the parsers a user's tools use.
 */
final class AwsCli {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final URI endpoint;
    private final Path home;

    AwsCli(URI endpoint, Path home) {
        this.endpoint = endpoint;
        this.home = home;
    }

    /** {@code aws --endpoint-url ENDPOINT sns ARGS --output json}. */
    Result sns(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--output", "json", "sns"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** A Python script with {@code sns}, a boto3 SNS client on the endpoint, already defined. */
    Result boto3(String script) {
        String prelude = "import boto3, botocore.config\n"
                + "sns = boto3.client('sns', endpoint_url='" + endpoint + "',"
                + " config=botocore.config.Config(parameter_validation=False, retries={'max_attempts': 1}))\n";
        return run(List.of("python3", "-c", prelude + script));
    }

    private Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // No profile or config of the machine's user may change what the tools send.
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read standard error alongside, so that neither pipe fills and blocks the tool.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after 60 s: " + command);
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            // Never a silent skip: the AWS CLI and boto3 come with the machine's Python.
            throw new AssertionError("could not run " + command.get(0) + " (" + e.getMessage()
                    + "); the AWS CLI and boto3 come with the machine's Python: put them on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
