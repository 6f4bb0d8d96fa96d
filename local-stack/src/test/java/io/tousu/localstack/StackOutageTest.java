package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tousu.events.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outages the drills cause: the broker and the stack's own PostgreSQL stop and start again on
 * the same port with their data; the machine's shared PostgreSQL is never stopped.
 */
class StackOutageTest {

    @Test
    void kafkaAndThePrivatePostgresComeBackOnTheSamePortWithTheirData(@TempDir Path home) throws Exception {
        FakeServices.install(home, Service.INTAKE);
        StackOptions options = StackOptions.builder(home).isolated().services(List.of(Service.INTAKE))
                .privatePostgres(true).jvmOptions(List.of("-Xmx32m")).build();
        try (Stack stack = Stack.start(options)) {
            assertThat(stack.embeddedPostgres()).isTrue();
            assertThat(stack.jdbcUrl(Service.INTAKE)).doesNotContain(":5432/");
            String bootstrap = stack.kafkaBootstrapServers();
            produce(bootstrap, "before-the-outage");
            execute(stack, "create table drill (n int)", "insert into drill values (42)");

            stack.stopKafka();
            stack.stopPostgres();
            assertThatThrownBy(() -> stack.connect(Service.INTAKE)).isInstanceOf(SQLException.class);

            stack.startKafkaAgain();
            stack.startPostgresAgain();

            assertThat(stack.kafkaBootstrapServers()).isEqualTo(bootstrap);
            assertThat(values(bootstrap)).contains("before-the-outage");
            try (Connection c = stack.connect(Service.INTAKE); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select n from drill")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void theMachinesPostgresIsNeverStopped(@TempDir Path home) throws Exception {
        FakeServices.install(home, Service.INTAKE);
        StackOptions options = StackOptions.builder(home).isolated().services(List.of(Service.INTAKE))
                .jvmOptions(List.of("-Xmx32m")).build();
        try (Stack stack = Stack.start(options)) {
            if (stack.embeddedPostgres()) {
                return; // no server on this machine: nothing shared to protect
            }
            assertThatThrownBy(stack::stopPostgres).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("machine's server");
            execute(stack, "select 1");
        }
    }

    private static void execute(Stack stack, String... statements) throws SQLException {
        try (Connection c = stack.connect(Service.INTAKE); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static void produce(String bootstrap, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALL.get(0), "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Every value of the first Tousu topic, read from the beginning. */
    private static List<String> values(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALL.get(0), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
