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
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
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
            return new PostgresServer(host, port, user, password, null);
        } catch (SQLException e) {
            localFailure = e;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (embeddedDataDir != null) {
                Files.createDirectories(embeddedDataDir);
                builder.setDataDirectory(embeddedDataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (IOException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("No PostgreSQL: nothing answered on " + host + ":"
                    + port + " (" + localFailure.getMessage() + ") and the embedded PostgreSQL did not start ("
                    + e.getMessage() + "). Start the local server (pg_ctlcluster 15 main start) or set TOUSU_PG_HOST/"
                    + "TOUSU_PG_PORT/TOUSU_PG_USER/TOUSU_PG_PASSWORD.", e);
            failure.addSuppressed(localFailure);
            throw failure;
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
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
            }
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
