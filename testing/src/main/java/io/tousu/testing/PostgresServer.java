package io.tousu.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for tests and the local stack: the machine's own server when one
 * answers on {@code 127.0.0.1:5432} (trust auth, user {@code postgres}), otherwise an embedded
 * PostgreSQL started from the zonky binaries on Maven Central.
 *
 * <p>Overrides, for a server elsewhere: environment {@code TOUSU_PG_HOST}, {@code TOUSU_PG_PORT},
 * {@code TOUSU_PG_USER}, {@code TOUSU_PG_PASSWORD}.
 *
 * <p>{@link #embedded(Path)} always starts a private server, one that {@link #stop()} and
 * {@link #restart()} may take away and bring back (on the same port and data) without touching
 * anybody else's databases; the machine's server is never stopped.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    /** The data directory of an embedded server (null: a temporary one, or not embedded). */
    private final Path embeddedDataDir;
    /** The embedded server while it runs; null for the machine's server and while stopped. */
    private EmbeddedPostgres embedded;
    private final boolean isEmbedded;

    private PostgresServer(String host, int port, String user, String password, Path embeddedDataDir,
            EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embeddedDataDir = embeddedDataDir;
        this.embedded = embedded;
        this.isEmbedded = embedded != null;
    }

    /**
     * The local server if it answers, else an embedded one whose data lives in {@code embeddedDataDir}
     * (null: a temporary directory, removed on close).
     */
    public static PostgresServer localOrEmbedded(Path embeddedDataDir) {
        String host = env("TOUSU_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("TOUSU_PG_PORT", "5432"));
        String user = env("TOUSU_PG_USER", "postgres");
        String password = env("TOUSU_PG_PASSWORD", "");
        SQLException localFailure;
        try (Connection ignored = open(host, port, "postgres", user, password)) {
            return new PostgresServer(host, port, user, password, null, null);
        } catch (SQLException e) {
            localFailure = e;
        }
        try {
            return embedded(embeddedDataDir);
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("No PostgreSQL: nothing answered on " + host + ":"
                    + port + " (" + localFailure.getMessage() + ") and the embedded PostgreSQL did not start ("
                    + e.getMessage() + "). Start the local server (pg_ctlcluster 15 main start) or set TOUSU_PG_HOST/"
                    + "TOUSU_PG_PORT/TOUSU_PG_USER/TOUSU_PG_PASSWORD.", e);
            failure.addSuppressed(localFailure);
            throw failure;
        }
    }

    /**
     * A private embedded server, even when the machine has one: data in {@code dataDir} (kept on
     * close; null: a temporary directory, removed on close), on a free port.
     *
     * @throws IllegalStateException if it does not start
     */
    public static PostgresServer embedded(Path dataDir) {
        EmbeddedPostgres pg = startEmbedded(dataDir, 0);
        return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", dataDir, pg);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the embedded server (a fast shutdown: open connections are cut, as in an outage) and
     * keeps its data for {@link #restart()}. Does nothing when it is stopped already.
     *
     * @throws IllegalStateException for the machine's server, which this never stops
     */
    public synchronized void stop() {
        requireEmbedded("stop");
        if (embedded != null) {
            EmbeddedPostgres running = embedded;
            embedded = null;
            try {
                running.close();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * Starts the stopped embedded server again on the same port and data directory and waits until
     * it accepts connections.
     *
     * @throws IllegalStateException for the machine's server, a running or a temporary one, or if it does not start
     */
    public synchronized void restart() {
        requireEmbedded("restart");
        if (embedded != null) {
            throw new IllegalStateException("the embedded PostgreSQL on port " + port + " is running; stop it first");
        }
        if (embeddedDataDir == null) {
            throw new IllegalStateException("a temporary embedded PostgreSQL loses its data when stopped");
        }
        embedded = startEmbedded(embeddedDataDir, port);
    }

    /** True unless this is an embedded server that was {@linkplain #stop() stopped}. */
    public synchronized boolean isRunning() {
        return !isEmbedded || embedded != null;
    }

    private void requireEmbedded(String action) {
        if (!isEmbedded) {
            throw new IllegalStateException("will not " + action + " the PostgreSQL server on " + host + ":" + port
                    + ": it was not started by this process");
        }
    }

    /** Creates the database unless it exists. */
    public void createDatabaseIfMissing(String name) {
        requireName(name);
        try (Connection c = open(host, port, "postgres", user, password);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement st = c.createStatement()) {
                    // identifiers cannot be bound; the name was checked against DB_NAME above
                    st.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, closing its connections first. */
    public void dropDatabase(String name) {
        requireName(name);
        try (Connection c = open(host, port, "postgres", user, password); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** True when this is the embedded server started by this process. */
    public boolean isEmbedded() {
        return isEmbedded;
    }

    /** Stops an embedded server (if running); leaves the machine's server alone. */
    @Override
    public void close() {
        if (isEmbedded) {
            stop();
        }
    }

    private static void requireName(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
    }

    private static Connection open(String host, int port, String db, String user, String password)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
