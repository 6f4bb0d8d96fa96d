package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PgBenchOutputTest {

    /** What pgbench 15 printed for the intake script. */
    private static final String PGBENCH_15 = """
            pgbench (15.20 (Debian 15.20-0+deb12u1))
            transaction type: /tmp/tousu-pgbench123/intake-writes.pgbench
            scaling factor: 1
            query mode: prepared
            number of clients: 4
            number of threads: 2
            maximum number of tries: 1
            duration: 3 s
            number of transactions actually processed: 2477
            number of failed transactions: 0 (0.000%)
            latency average = 4.855 ms
            initial connection time = 10.452 ms
            tps = 823.862134 (without initial connection time)
            """;

    @Test
    void readsTheSummary() {
        assertThat(PgBenchOutput.parse(PGBENCH_15)).isEqualTo(new PgBenchOutput(2477, 0, 4.855, 823.862134));
    }

    @Test
    void olderVersionsDoNotCountFailures() {
        String pgbench13 = PGBENCH_15.replace("number of failed transactions: 0 (0.000%)\n", "");

        assertThat(PgBenchOutput.parse(pgbench13).failed()).isZero();
    }

    @Test
    void failedTransactionsAreCounted() {
        String someFailed = PGBENCH_15.replace("number of failed transactions: 0 (0.000%)",
                "number of failed transactions: 12 (0.482%)");

        assertThat(PgBenchOutput.parse(someFailed).failed()).isEqualTo(12);
    }

    @Test
    void anAbortedRunIsNotASummary() {
        String aborted = """
                pgbench: error: client 0 script 0 aborted in command 5 query 0: ERROR:  boom
                pgbench: error: Run was aborted; the above results are incomplete.
                """;

        assertThatThrownBy(() -> PgBenchOutput.parse(aborted)).hasMessage("pgbench printed no transaction count");
    }

    @Test
    void readsTheLatencyOfATransactionLogLine() {
        assertThat(PgBenchOutput.logLatencyMicros("0 1 24652 0 1795608626 52941")).isEqualTo(OptionalLong.of(24652));
        assertThat(PgBenchOutput.logLatencyMicros("3 17 8800 0 1795608626 61944 0 0"))
                .isEqualTo(OptionalLong.of(8800));
    }

    @Test
    void failedOrSkippedTransactionsHaveNoLatency() {
        assertThat(PgBenchOutput.logLatencyMicros("0 2 failed 0 1795608626 52941")).isEmpty();
        assertThat(PgBenchOutput.logLatencyMicros("0 3 skipped 0 1795608626 52941")).isEmpty();
    }

    @Test
    void otherLinesAreRefused() {
        assertThatThrownBy(() -> PgBenchOutput.logLatencyMicros("pgbench: error")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgBenchOutput.logLatencyMicros("0 1 soon 0 1795608626 52941"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
