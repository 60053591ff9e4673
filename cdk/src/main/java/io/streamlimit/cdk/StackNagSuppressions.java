package io.streamlimit.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/**
 * The cdk-nag (AWS Solutions) findings this stack accepts, all in one place, each with its
 * reason and, where cdk-nag allows, narrowed to the one permission or resource it is about.
 */
final class StackNagSuppressions {

    private static final String BASIC_EXECUTION_ROLE =
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private StackNagSuppressions() {
    }

    /** What every function of the stack has: the basic execution role, X-Ray, the Java 21 runtime. */
    static void forFunction(IConstruct function) {
        NagSuppressions.addResourceSuppressions(function, List.of(
                suppression("AwsSolutions-IAM4",
                        "AWSLambdaBasicExecutionRole grants only CreateLogStream and PutLogEvents, which every function needs to log",
                        BASIC_EXECUTION_ROLE),
                suppression("AwsSolutions-IAM5",
                        "xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions;"
                                + " CDK adds them for active tracing",
                        "Resource::*"),
                suppression("AwsSolutions-L1",
                        "The functions jar is built with --release 17 and runs on java21 (an LTS on Amazon Linux 2023,"
                                + " unlike java17 on Amazon Linux 2); java25 is newer but the build is not tested on it yet")),
                true);
    }

    /** The consumer reads the results database secret, known by name only. */
    static void forResultsSecretReader(IConstruct function, String secretName) {
        NagSuppressions.addResourceSuppressions(function, List.of(
                suppression("AwsSolutions-IAM5",
                        "A secret referenced by name has an ARN ending in 6 random characters AWS adds at creation;"
                                + " the -?????? wildcard matches only that suffix of this one secret",
                        "Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:"
                                + secretName + "-??????")),
                true);
    }

    /** Publishers of the encrypted topic (the producer, API Gateway's role). */
    static void forTopicPublisher(IConstruct publisher) {
        NagSuppressions.addResourceSuppressions(publisher, List.of(
                suppression("AwsSolutions-IAM5",
                        "kms:GenerateDataKey* is SNS's way to encrypt a published message; the statement is limited to the topic's own key",
                        "Action::kms:GenerateDataKey*")),
                true);
    }

    /** With sns-lambda the DLQ is the consumer's on-failure destination, which cdk-nag does not recognise as a DLQ. */
    static void forOnFailureDestination(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(
                suppression("AwsSolutions-SQS3",
                        "This queue is itself the dead-letter queue: Lambda's on-failure destination for events its"
                                + " async retries gave up on; a DLQ of the DLQ would only move them again")),
                true);
    }

    /** The tracker API's contract: GET /auth is open and other paths carry the tracker's own token. */
    static void forTrackerApi(IConstruct api) {
        NagSuppressions.addResourceSuppressions(api, List.of(
                suppression("AwsSolutions-APIG4",
                        "The tracker's contract is an open GET /auth that issues a token, and every other path is"
                                + " authorized by that token (header Authorization) in the tracker function, which answers 401 without it;"
                                + " the stage's throttle bounds what anonymous callers cost, and -c trackerWaf=true adds a per-IP WAF rule")),
                true);
    }

    /** The tracker's REST API behind AWS WAF (-c trackerWaf=true): the same open contract as the HTTP API's. */
    static void forTrackerRestApi(IConstruct api) {
        NagSuppressions.addResourceSuppressions(api, List.of(
                suppression("AwsSolutions-APIG4",
                        "The tracker's contract is an open GET /auth that issues a token, and every other path is"
                                + " authorized by that token (header Authorization) in the tracker function, which answers 401 without it"),
                suppression("AwsSolutions-COG4",
                        "The tracker issues and checks its own tokens; its callers are not Cognito users"),
                suppression("AwsSolutions-APIG2",
                        "GET requests without a body; the tracker function validates the token (401) and the path (414) itself"),
                suppression("AwsSolutions-APIG6",
                        "Execution logs go to a log group API Gateway creates itself, which never expires and outlives"
                                + " cdk destroy; access logs (APIG1), X-Ray tracing and the WAF's metrics cover the stage")),
                true);
    }

    /** The events route: IAM-signed, validated, access-logged, traced and throttled. */
    static void forPublishApi(IConstruct api) {
        forSignedRestRoute(api, "published", "The open endpoint is the tracker: -c trackerWaf=true puts a per-IP"
                + " rate-based rule there");
    }

    /** The records route: IAM-signed, validated, access-logged, traced and throttled, like the publish route. */
    static void forPutRecordsApi(IConstruct api) {
        forSignedRestRoute(api, "put", null);
    }

    /**
     * What the two IAM-signed REST routes share: SigV4 callers, execution logs left to API Gateway,
     * its account-level logging role, and no WAF in front of a route that refuses anonymous callers.
     *
     * @param done what becomes of a refused caller's events: "published", "put"
     * @param more a last sentence for the WAF reason, or null
     */
    private static void forSignedRestRoute(IConstruct api, String done, String more) {
        NagSuppressions.addResourceSuppressions(api, List.of(
                suppression("AwsSolutions-COG4",
                        "Callers are players and edge servers signing with IAM (SigV4), not Cognito users"),
                suppression("AwsSolutions-APIG6",
                        "Execution logs go to a log group API Gateway creates itself (API-Gateway-Execution-Logs_<api>/v1),"
                                + " which never expires and outlives cdk destroy; access logs (APIG1) to the stack's"
                                + " one-week log group and X-Ray tracing cover the route"),
                suppression("AwsSolutions-IAM4",
                        "AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS documents for API Gateway's account-level"
                                + " CloudWatch role, which access logging on a REST stage requires",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"),
                suppression("AwsSolutions-APIG3",
                        "A WAF web ACL costs $5 a month and $1 a rule (list prices, late 2025); this route is IAM-signed,"
                                + " so an anonymous caller is refused before anything is " + done + ", and it is throttled at"
                                + " the stage and validated against a schema" + (more == null ? "" : ". " + more))),
                true);
    }

    /**
     * With Kinesis or a FIFO queue nothing redrives into the stack's standard DLQ: the consumer
     * alone sends it the messages that can never parse (the FIFO queue redrives to its own FIFO DLQ).
     */
    static void forConsumerDeadLetters(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(
                suppression("AwsSolutions-SQS3",
                        "This queue is itself a dead-letter queue: the consumer sends it the messages that can never"
                                + " parse, with their reason; a DLQ of the DLQ would only move them again")),
                true);
    }

    /** The Kinesis mapping's on-failure destination: like the DLQ, the end of the line. */
    static void forKinesisOnFailureDestination(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(
                suppression("AwsSolutions-SQS3",
                        "This queue is the Kinesis event source mapping's on-failure destination: it receives the"
                                + " metadata of records whose retries or age ran out; a DLQ of it would only move them again")),
                true);
    }


    /** The FIFO queue's dead-letter queue (a FIFO queue's DLQ must itself be FIFO). */
    static void forFifoDeadLetterQueue(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(
                suppression("AwsSolutions-SQS3",
                        "This queue is itself the FIFO queue's dead-letter queue, where messages go after maxReceiveCount"
                                + " receives; a DLQ of the DLQ would only move them again")),
                true);
    }

    private static NagPackSuppression suppression(String id, String reason, String... appliesTo) {
        NagPackSuppression.Builder builder = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) {
            builder.appliesTo(List.of((Object[]) appliesTo));
        }
        return builder.build();
    }
}
