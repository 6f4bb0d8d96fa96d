package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void theMachinesBusyTimeLeavesOutIdleAndIowait() {
        String stat = """
                cpu  1000 50 300 9000 200 10 20 5 0 0
                cpu0 500 25 150 4500 100 5 10 2 0 0
                intr 12345
                """;
        // user 1000 + nice 50 + system 300 + irq 10 + softirq 20 + steal 5 ticks
        assertThat(CpuUse.machineSeconds(stat)).isCloseTo(13.85, within(1e-9));
        assertThatThrownBy(() -> CpuUse.machineSeconds("intr 1\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThreadsNameAndTimeComeFromItsStatLine() {
        // pid (comm) state ppid ... utime=250 stime=50 ticks; a name may hold spaces and parentheses
        String stat = "4242 (HttpClient-1-Wo) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 50 0 0 20 0 40 0";
        assertThat(CpuUse.threadName(stat)).isEqualTo("HttpClient-1-Wo");
        assertThat(CpuUse.ticksSeconds(stat)).isCloseTo(3.0, within(1e-9));
        assertThat(CpuUse.threadName("7 (C1 Compiler(x)) R 1 2 3")).isEqualTo("C1 Compiler(x)");
    }

    @Test
    void theLoadGeneratorIsTheHttpClientAndTheMainThread() {
        assertThat(CpuUse.isLoadThread("java")).isTrue();
        assertThat(CpuUse.isLoadThread("HttpClient-1-Se")).isTrue();
        assertThat(CpuUse.isLoadThread("data-plane-kafk")).isFalse();
        assertThat(CpuUse.isLoadThread("GC Thread#0")).isFalse();
    }

    @Test
    void theLoadGeneratorOfThisJvmIsAPartOfIt() throws Exception {
        long self = ProcessHandle.current().pid();
        double load = CpuUse.loadSeconds(self);
        assertThat(load).isPositive().isLessThanOrEqualTo(CpuUse.processSeconds(self));
    }

    @Test
    void theRestIsWhatTheListedProcessesDoNotAccountFor() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(Map.of("intake", 10.0, CpuUse.BENCH, 5.0), 100.0, 0);
        CpuUse.Snapshot after = new CpuUse.Snapshot(Map.of("intake", 16.0, CpuUse.BENCH, 7.0, "quality", 3.0),
                120.0, 10_000_000_000L);
        Map<String, Double> used = CpuUse.used(before, after);
        assertThat(used.get("intake")).isCloseTo(6.0, within(1e-9));
        assertThat(used.get(CpuUse.BENCH)).isCloseTo(2.0, within(1e-9));
        // a process started during the phase has no start figure: left out, its time falls in the rest
        assertThat(used.get("quality")).isNull();
        assertThat(used.get(CpuUse.REST)).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void theTableGivesCoresAndMillisecondsPerComplaint() {
        CpuUse.Snapshot before = new CpuUse.Snapshot(Map.of("intake", 10.0), 100.0, 0);
        CpuUse.Snapshot after = new CpuUse.Snapshot(Map.of("intake", 14.0), 110.0, 5_000_000_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CpuUse.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), before, after, 2000);
        String table = bytes.toString(StandardCharsets.UTF_8);
        // intake: 4 CPU s over 5 s = 0.8 cores, 2 ms per complaint; all: 10 CPU s, 2 cores, 5 ms
        assertThat(table).contains("CPU over 5 s, 2000 complaints");
        assertThat(table).matches("(?s).*intake\\s+4\\.0\\s+0\\.80\\s+2\\.00.*");
        assertThat(table).matches("(?s).*rest \\(PostgreSQL, OS\\)\\s+6\\.0\\s+1\\.20\\s+3\\.00.*");
        assertThat(table).matches("(?s).*all\\s+10\\.0\\s+2\\.00\\s+5\\.00.*");
    }
}
