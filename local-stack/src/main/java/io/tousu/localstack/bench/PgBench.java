package io.tousu.localstack.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs pgbench on this machine against intake's database with a script doing the writes intake makes
 * for one new complaint (resource {@code bench/intake-writes.pgbench}) into copies of its tables
 * (made by {@code bench/intake-writes-setup.sql}), so that intake's relay never sees pgbench's rows.
 */
final class PgBench {

    /**
     * What pgbench measured.
     *
     * @param summary its own summary: transactions, tps, mean latency
     * @param latencies the per-transaction latencies from its transaction log
     */
    record Result(PgBenchOutput summary, LatencyStats latencies) {
    }

    private static final String SCRIPT = "bench/intake-writes.pgbench";
    private static final String SETUP = "bench/intake-writes-setup.sql";
    private static final String INSERTED = "select n_tup_ins from pg_stat_user_tables where relname = 'bench_complaints'";
    private static final int THREADS = 2;
    /** How long after its planned end pgbench may still take before it is stopped. */
    private static final Duration OVERRUN = Duration.ofSeconds(60);

    private final Path executable;

    private PgBench(Path executable) {
        this.executable = executable;
    }

    /** pgbench from the PATH, if there is one. */
    static Optional<PgBench> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "pgbench")).filter(Files::isExecutable).findFirst().map(PgBench::new);
    }

    /** The pgbench this runs. */
    Path executable() {
        return executable;
    }

    /**
     * Makes the table copies, runs pgbench with {@code clients} clients for {@code seconds} and reads
     * its summary and transaction log.
     *
     * @param progress hears a progress line every few seconds
     * @throws IllegalStateException if pgbench fails (the message carries the end of its output)
     * @throws InterruptedException if interrupted; pgbench is stopped
     */
    Result run(DatabaseTarget db, int clients, int seconds, Consumer<String> progress) throws InterruptedException {
        Path work = createTempDirectory();
        try {
            Path script = copyResource(SCRIPT, work.resolve("intake-writes.pgbench"));
            int exitCode;
            try (Connection connection = connect(db)) {
                execute(connection, resource(SETUP));
                Process process = start(db, clients, seconds, script, work);
                try (PhaseProgress ignored = new PhaseProgress(progress, Duration.ofSeconds(seconds), "transactions",
                        () -> inserted(connection), null)) {
                    exitCode = awaitExit(process, Duration.ofSeconds(seconds).plus(OVERRUN));
                }
            }
            String output = Files.readString(work.resolve("output.txt"));
            if (exitCode != 0) {
                throw new IllegalStateException("pgbench exited with " + exitCode + ": " + lastLines(output));
            }
            return new Result(PgBenchOutput.parse(output), logLatencies(work, Duration.ofSeconds(seconds)));
        } catch (IOException e) {
            throw new UncheckedIOException("pgbench: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("pgbench: cannot prepare intake's database: " + e.getMessage(), e);
        } finally {
            FileTrees.delete(work);
        }
    }

    private Process start(DatabaseTarget db, int clients, int seconds, Path script, Path work) throws IOException {
        List<String> command = List.of(executable.toString(), "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(THREADS, clients)), "-T", String.valueOf(seconds), "-l",
                "--log-prefix", work.resolve("tx").toString(), "-f", script.toString(), "-h", db.host(),
                "-p", String.valueOf(db.port()), "-U", db.user(), db.database());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile());
        if (!db.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", db.password());
        }
        return builder.start();
    }

    /** Waits for pgbench to end and returns its exit code; stops it when it overruns or on an interrupt. */
    private static int awaitExit(Process process, Duration limit) throws InterruptedException {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("pgbench still ran " + OVERRUN.toSeconds() + " s after its planned end;"
                        + " stopped it");
            }
            return process.exitValue();
        } finally {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The last few lines of pgbench's output, on one line, for an error message. */
    private static String lastLines(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    }

    /** The latencies in pgbench's transaction log files ({@code tx.<pid>}, {@code tx.<pid>.<thread>}). */
    private static LatencyStats logLatencies(Path work, Duration elapsed) throws IOException {
        List<Long> micros = new ArrayList<>();
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tx.")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.filter(line -> !line.isBlank()).map(PgBenchOutput::logLatencyMicros)
                            .forEach(latency -> latency.ifPresent(micros::add));
                }
            }
        }
        long[] nanos = micros.stream().mapToLong(us -> us * 1000).toArray();
        return LatencyStats.of(nanos, Map.of(), elapsed);
    }

    /** Rows pgbench inserted into the complaint copy so far, from PostgreSQL's statistics (about a second late). */
    private static long inserted(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INSERTED)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Connection connect(DatabaseTarget db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        if (!db.password().isEmpty()) {
            properties.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PgBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the classpath; rebuild local-stack");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copyResource(String name, Path target) throws IOException {
        return Files.writeString(target, resource(name));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("tousu-pgbench");
        } catch (IOException e) {
            throw new UncheckedIOException("pgbench: cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

}
