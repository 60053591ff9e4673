package io.streamlimit.local.aws;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/** An SDK failure as one line naming its cause: the endpoint cannot be reached, or AWS refused the credentials. */
final class AwsCallFailure {

    private AwsCallFailure() {
    }

    /**
     * @return the line for a failure that is not the request's own (unreachable endpoint, refused
     *     credentials), or null when the caller should say what the service answered
     */
    static ImportException describe(SdkException e, String service, ImportTarget target) {
        if (e instanceof SdkClientException) {
            return new ImportException("cannot reach " + service + " at " + target.endpointOf(service) + " ("
                    + rootCause(e) + "); " + (target.endpoint() != null ? "is the emulator at --endpoint-url running?"
                    : "check --region (" + target.region().id() + ") and your network"));
        }
        return e instanceof AwsServiceException aws ? refusedCredentials(aws) : null;
    }

    /** @return the line for credentials AWS did not accept, or null for any other answer */
    static ImportException refusedCredentials(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        boolean refused = code != null && (code.equals("InvalidClientTokenId") || code.equals("SignatureDoesNotMatch")
                || code.equals("ExpiredToken") || code.equals("ExpiredTokenException")
                || code.equals("UnrecognizedClientException") || code.equals("AuthFailure"));
        return refused ? new ImportException("AWS refused the credentials (" + code + ": "
                + e.awsErrorDetails().errorMessage() + "); check AWS_ACCESS_KEY_ID or AWS_PROFILE, or run 'aws sso login'")
                : null;
    }

    /** The innermost cause, said plainly where it is a network one. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof UnknownHostException || root instanceof SocketTimeoutException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof SocketTimeoutException) {
            return "timed out";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Where the clients go, for messages. */
    record ImportTarget(Region region, URI endpoint) {
        String endpointOf(String service) {
            if (endpoint != null) {
                return endpoint.toString();
            }
            String host = service.equals("CloudWatch") ? "monitoring" : "cloudformation";
            return "https://" + host + "." + region.id() + ".amazonaws.com";
        }
    }
}
