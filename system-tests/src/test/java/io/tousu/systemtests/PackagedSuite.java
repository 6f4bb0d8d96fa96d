package io.tousu.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import io.tousu.localstack.Service;
import io.tousu.localstack.Stack;
import io.tousu.localstack.StackOptions;
import io.tousu.testing.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The four packaged services on a throw-away stack (free ports, their own databases, a real broker),
 * started once for all system tests of the run and stopped when the run ends. Use it with
 * {@code @ExtendWith(PackagedSuite.class)} and reach the services through {@link #api(Service)}.
 */
public final class PackagedSuite implements BeforeAllCallback {

    private static final String TOKEN = Tokens.superuser();
    private static Stack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack != null) {
            return;
        }
        Path home = Path.of(System.getProperty("tousu.home", "..")).toAbsolutePath().normalize();
        stack = Stack.start(StackOptions.builder(home).isolated()
                .progress((elapsed, component, message) -> System.out.printf("[%5.1fs] %-11s %s%n",
                        elapsed.toMillis() / 1000.0, component, message))
                .build());
        Stack started = stack;
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .put(PackagedSuite.class.getName(), (ExtensionContext.Store.CloseableResource) started::close);
    }

    /** The running stack. */
    static Stack stack() {
        return stack;
    }

    /** A request to {@code service}, authenticated as a national superuser. */
    static RequestSpecification api(Service service) {
        return given().baseUri(stack.baseUrl(service).toString()).auth().oauth2(TOKEN);
    }

    /**
     * A consumer of {@code topic} from its first offset, in a group of its own so that it sees every
     * record whatever other consumers read; close it after use.
     */
    static KafkaConsumer<String, String> consumerFromStart(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
