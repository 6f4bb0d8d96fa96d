package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreAllDifferent() {
        Ports ports = Ports.free();

        Set<Integer> all = new HashSet<>(ports.http().values());
        all.add(ports.kafka());
        all.add(ports.kafkaController());
        assertThat(all).hasSize(6).allSatisfy(port -> assertThat(port).isPositive());
    }

    @Test
    void aTakenPortIsNamedWithItsComponent() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Ports ports = Ports.free();
            Ports clashing = new Ports(ports.kafka(), ports.kafkaController(),
                    Map.of(Service.INTAKE, ports.httpPort(Service.INTAKE), Service.ESCALATION,
                            taken.getLocalPort(), Service.QUALITY, ports.httpPort(Service.QUALITY), Service.REPORTING,
                            ports.httpPort(Service.REPORTING)));

            assertThatThrownBy(() -> clashing.requireAvailable(List.of(Service.INTAKE, Service.ESCALATION)))
                    .isInstanceOf(StackException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " is already in use, so escalation cannot")
                    .satisfies(e -> assertThat(((StackException) e).component()).isEqualTo("escalation"));
            clashing.requireAvailable(List.of(Service.INTAKE));
        }
    }

    @Test
    void anOffsetMovesEveryPort() {
        Ports shifted = Ports.standard().shiftedBy(100);

        assertThat(shifted.kafka()).isEqualTo(9192);
        assertThat(shifted.kafkaController()).isEqualTo(9193);
        assertThat(shifted.httpPort(Service.INTAKE)).isEqualTo(8181);
        assertThat(shifted.httpPort(Service.REPORTING)).isEqualTo(8184);
    }
}
