package io.tousu.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ports of one local stack: Kafka's client and controller ports and each service's HTTP port.
 *
 * @param kafka Kafka's client port ({@code kafka.bootstrap.servers})
 * @param kafkaController the KRaft controller port, used by the broker itself
 * @param http each service's HTTP port
 */
public record Ports(int kafka, int kafkaController, Map<Service, Integer> http) {

    /** Kafka's client port in a standard local stack. */
    public static final int STANDARD_KAFKA = 9092;
    /** Kafka's controller port in a standard local stack. */
    public static final int STANDARD_KAFKA_CONTROLLER = 9093;

    public Ports {
        http = Map.copyOf(http);
        for (Service service : Service.values()) {
            if (!http.containsKey(service)) {
                throw new IllegalArgumentException("no HTTP port for " + service.moduleName());
            }
        }
    }

    /** Kafka on 9092/9093, the services on 8081-8084. */
    public static Ports standard() {
        Map<Service, Integer> http = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            http.put(service, service.standardPort());
        }
        return new Ports(STANDARD_KAFKA, STANDARD_KAFKA_CONTROLLER, http);
    }

    /** These ports plus {@code offset}, for a second stack beside a standard one (e.g. offset 100). */
    public Ports shiftedBy(int offset) {
        Map<Service, Integer> shifted = new EnumMap<>(Service.class);
        http.forEach((service, port) -> shifted.put(service, port + offset));
        return new Ports(kafka + offset, kafkaController + offset, shifted);
    }

    /** Ports nobody listens on right now, all different; for tests that run beside anything else. */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2 + Service.values().length; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(loopback(), 0));
            }
            Map<Service, Integer> http = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                http.put(service, held.get(2 + service.ordinal()).getLocalPort());
            }
            return new Ports(held.get(0).getLocalPort(), held.get(1).getLocalPort(), http);
        } catch (IOException e) {
            throw new StackException("ports", "cannot find free ports: " + e.getMessage(), e);
        } finally {
            held.forEach(Ports::closeQuietly);
        }
    }

    /** One port nobody listens on right now, e.g. for an extra replica of a service. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("ports", "cannot find a free port: " + e.getMessage(), e);
        }
    }

    /** The HTTP port of {@code service}. */
    public int httpPort(Service service) {
        return http.get(service);
    }

    /**
     * Checks that Kafka's ports and the ports of {@code services} are free.
     *
     * @throws StackException naming the first port that is taken and what the stack wanted it for
     */
    public void requireAvailable(Collection<Service> services) {
        requireAvailable(kafka, "kafka");
        requireAvailable(kafkaController, "kafka (controller)");
        for (Service service : services) {
            requireAvailable(httpPort(service), service.shortName());
        }
    }

    private static void requireAvailable(int port, String component) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(loopback(), port));
        } catch (IOException e) {
            throw new StackException(component, "port " + port + " is already in use, so " + component
                    + " cannot listen on it. Is another Tousu stack still running? Stop it (Ctrl-C in its terminal)"
                    + " or find the owner with: ss -ltnp 'sport = :" + port + "'");
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the probe socket was never used; nothing to recover
        }
    }
}
