package io.tousu.testing;

import io.tousu.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * No container: the broker classes come from {@code kafka_2.13} on Maven Central.
 *
 * <p>The log directory is formatted once; starting again on the same directory keeps the data,
 * which is what the local stack wants across restarts. {@link #stop()} and {@link #restart()} take
 * the broker away and bring it back on the same ports and data, as an outage of the broker would.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Partitions per Tousu topic on a local broker: enough to show keyed ordering at work. */
    public static final int LOCAL_PARTITIONS = 3;

    private final Properties config;
    private final int port;
    /** The running server; null while stopped. */
    private KafkaRaftServer server;

    private KafkaBroker(Properties config, int port) {
        this.config = config;
        this.port = port;
    }

    /** Starts a broker on a fresh temporary directory and free ports. */
    public static KafkaBroker startTemporary() {
        try {
            int[] ports = freePorts(2);
            return start(Files.createTempDirectory("tousu-kafka-"), ports[0], ports[1]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory for Kafka", e);
        }
    }

    /**
     * Starts a broker whose data lives in {@code logDir} (formatted on first use), listening for
     * clients on {@code port} and for its own controller on {@code controllerPort}, and waits until
     * it answers, then creates the Tousu topics.
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(LOCAL_PARTITIONS));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.flush.interval.messages", "1");
        try {
            Files.createDirectories(logDir);
            format(logDir, props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka log directory " + logDir, e);
        }
        KafkaBroker broker = new KafkaBroker(props, port);
        broker.startServer();
        return broker;
    }

    /**
     * Shuts the broker down (as {@link #close()}) but keeps its data, so that {@link #restart()} can
     * bring it back. Clients see the broker gone until then. Does nothing when already stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /**
     * Starts a stopped broker again on the same ports and log directory (its topics, offsets and
     * committed consumer positions are still there) and waits until it answers.
     *
     * @throws IllegalStateException if it is running, or does not come back within a minute
     */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the broker on port " + port + " is running; stop it first");
        }
        startServer();
    }

    /** True between a start and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    private void startServer() {
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        started.startup();
        server = started;
        try {
            awaitReadyAndCreateTopics(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static void format(Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = logDir.resolveSibling(logDir.getFileName() + ".format.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by Tousu to format the KRaft log directory");
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "--config", config.toString(), "--cluster-id",
            "tousu-local-kraft-01", "--ignore-formatted"}, new PrintStream(captured, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (rc != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: "
                    + captured.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReadyAndCreateTopics(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    createTopics(admin);
                    return;
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka on port " + port + " did not become ready in "
                                + timeout.toSeconds() + " s", e);
                    }
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                }
            }
        }
    }

    private static void createTopics(Admin admin) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = Topics.ALL.stream().map(t -> new NewTopic(t, LOCAL_PARTITIONS, (short) 1)).toList();
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker; safe to call when it is stopped already. */
    @Override
    public void close() {
        stop();
    }

    /** A port nobody listens on right now. */
    /**
     * {@code count} distinct free ports: the sockets stay open until all are chosen, so that the
     * system cannot hand the same port out twice (two calls of {@link #freePort()} in a row can, and
     * the broker refuses a client and a controller listener on one port).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("no free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used
                }
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
