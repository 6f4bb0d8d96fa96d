package io.tousu.quality;

import io.tousu.events.EventEnvelope;
import io.tousu.quality.domain.Lifecycle;
import io.tousu.testing.EventPublisher;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes complaint and escalation events to the test broker. */
final class Broker {

    private Broker() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void publish(Lifecycle complaint) {
        publish(complaint.events());
    }

    static void publish(List<EventEnvelope> events) {
        try (EventPublisher publisher = new EventPublisher(bootstrap())) {
            events.forEach(publisher::publish);
        }
    }
}
