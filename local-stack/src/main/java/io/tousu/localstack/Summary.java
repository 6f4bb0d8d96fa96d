package io.tousu.localstack;

import io.tousu.events.Topics;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code ./tousu up} prints once the stack is up: where everything is and how to try it. */
final class Summary {

    private static final String ROW = "  %-12s %-38s %-12s %-12s %s%n";

    private Summary() {
    }

    /** The table of URLs, Kafka, PostgreSQL, logs, and example requests for the services that run. */
    static String of(Stack stack) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, ROW, "service", "Swagger UI", "OpenAPI", "metrics", "health"));
        for (Service service : stack.services()) {
            text.append(String.format(Locale.ROOT, ROW, service.shortName(), stack.baseUrl(service) + "/q/swagger-ui",
                    "/q/openapi", "/q/metrics", "/q/health/ready"));
        }
        text.append(System.lineSeparator());
        text.append(line("kafka", stack.kafkaBootstrapServers() + "  topics: " + String.join(", ", Topics.ALL)));
        text.append(line("postgresql", (stack.embeddedPostgres() ? "embedded server, " : "local server, ")
                + stack.services().stream().map(stack::jdbcUrl).collect(Collectors.joining(", "))
                + "  (user " + stack.databaseUser() + ")"));
        text.append(line("logs", stack.logsDir() + "  (one file per service; Kafka and PostgreSQL in "
                + Stack.STACK_LOG + ")"));
        String examples = examples(stack);
        if (!examples.isEmpty()) {
            text.append(System.lineSeparator()).append("Try it:").append(System.lineSeparator()).append(examples);
        }
        return text.toString();
    }

    private static String examples(Stack stack) {
        StringBuilder examples = new StringBuilder();
        examples.append("  TOKEN=$(./tousu token)    # a development token (agent, supervisor in GD)")
                .append(System.lineSeparator());
        if (stack.services().contains(Service.INTAKE)) {
            examples.append("  curl -s -X POST localhost:").append(stack.ports().httpPort(Service.INTAKE))
                    .append("/api/v1/complaints -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
                            + "-d '{\"channel\":\"HOTLINE\","
                            + "\"channelRef\":\"demo-1\",\"province\":\"GD\",\"city\":\"Shenzhen\","
                            + "\"customer\":{\"msisdn\":\"13812345678\"},\"category\":\"BILLING_DISPUTE\","
                            + "\"description\":\"charged twice for the monthly fee\"}'")
                    .append(System.lineSeparator());
        }
        if (stack.services().contains(Service.REPORTING)) {
            examples.append("  curl -s -H \"Authorization: Bearer $TOKEN\" 'localhost:")
                    .append(stack.ports().httpPort(Service.REPORTING))
                    .append("/api/v1/indicators/counts?province=GD'").append(System.lineSeparator());
        }
        return examples.toString();
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-12s %s%n", label, value);
    }
}
