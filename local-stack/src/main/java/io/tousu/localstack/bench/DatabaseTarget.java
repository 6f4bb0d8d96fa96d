package io.tousu.localstack.bench;

import java.net.URI;

/**
 * Where pgbench connects: the stack's PostgreSQL and intake's database.
 *
 * @param jdbcUrl the JDBC URL it was read from
 * @param host server host
 * @param port server port
 * @param database database name
 * @param user user name
 * @param password password, empty when the server trusts local connections
 */
record DatabaseTarget(String jdbcUrl, String host, int port, String database, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    /**
     * Reads host, port and database from a URL such as {@code jdbc:postgresql://127.0.0.1:5432/tousu_intake}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static DatabaseTarget fromJdbcUrl(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create("postgresql://" + jdbcUrl.substring(PREFIX.length()));
        String path = uri.getPath();
        if (uri.getHost() == null || path == null || path.length() < 2) {
            throw new IllegalArgumentException("no host or database in " + jdbcUrl);
        }
        return new DatabaseTarget(jdbcUrl, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                path.substring(1), user, password);
    }
}
