package io.tousu.platform.rest;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A request failed because the service's database cannot be reached: PostgreSQL is down, restarting
 * or shutting down, or the connection was cut under the request. That is not a bug of the request
 * nor of the service, and it passes: the answer is a 503 problem with {@code Retry-After}, never a
 * 500, so that channels and front ends retry (a complaint repeated with its channel reference is
 * taken once). The failure may come wrapped (Hibernate Reactive, Mutiny's CompositeException), so
 * the whole chain of causes and suppressed exceptions is searched.
 */
public final class DatabaseUnavailable {

    /** The problem type of the answer. */
    public static final String TYPE = "https://tousu.io/problems/database-unavailable";
    /** What {@code Retry-After} says: PostgreSQL restarts within seconds, a failover takes longer. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQL states of a lost server: admin or crash shutdown, and "cannot connect now" (starting or stopping). */
    private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");
    /** How deep the chain of causes is searched; wrapped failures are a few levels at most. */
    private static final int MAX_DEPTH = 32;

    private DatabaseUnavailable() {
    }

    /**
     * True when {@code failure}, or any of its causes or suppressed exceptions, says the database
     * could not be reached: a refused, reset or failed connection, a connection closed under the request,
     * or PostgreSQL saying it is shutting down or starting up (SQL state class 08, 57P01-57P03).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable t = todo.removeFirst();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (isItselfConnectionFailure(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
            if (t instanceof io.smallrye.mutiny.CompositeException composite) {
                todo.addAll(composite.getCauses());
            }
        }
        return false;
    }

    /** The 503 answer for a request to {@code instance} (the path). */
    public static Response response(String instance) {
        Problem problem = new Problem(TYPE, "Service Unavailable", 503,
                "The service cannot reach its database right now. Try again in a few seconds; repeating a "
                        + "complaint with the same channel reference is safe.",
                instance, List.of());
        return Response.fromResponse(problem.toResponse())
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
    }

    /** The innermost message of the chain, for a one-line log entry. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < MAX_DEPTH) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static boolean isItselfConnectionFailure(Throwable t) {
        // a request's only sockets are its database's: refused, reset, closed all mean the database went away
        if (t instanceof SocketException || t instanceof ClosedChannelException
                || t instanceof ClosedConnectionException) {
            return true;
        }
        if (t instanceof PgException pg) {
            return isServerGone(pg.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return isServerGone(sql.getSQLState());
        }
        return false;
    }

    private static boolean isServerGone(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GONE_STATES.contains(sqlState));
    }
}
