package io.streamlimit.local.sqs;

import io.streamlimit.local.AwsClients;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real ElasticMQ for a test class ({@code @RegisterExtension static}), on a free loopback port,
 * with an SQS client to it: started before the class's first test, stopped after its last.
 */
public final class ElasticMqExtension implements BeforeAllCallback, AfterAllCallback {

    private ElasticMqServer server;
    private SqsClient sqs;

    public ElasticMqServer server() {
        return started(server);
    }

    public SqsClient sqs() {
        return started(sqs);
    }

    private static <T> T started(T t) {
        if (t == null) {
            throw new IllegalStateException("ElasticMQ starts before the test class's first test");
        }
        return t;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ElasticMqServer.start(0);
        sqs = AwsClients.sqs(server.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (sqs != null) {
                sqs.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
