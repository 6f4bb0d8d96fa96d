package io.tousu.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Does autovacuum's ANALYZE when the PostgreSQL the stack uses runs with autovacuum off, as the
 * development machines here do. Without it the services' tables are never analyzed, and the plans
 * their cached prepared statements got while the tables were empty stay for good: sequential scans
 * of tables that keep growing (intake's look-up slowed from 400 to 200 complaints/s within a minute).
 * Every {@link #PERIOD} it analyzes, in each service's database, the tables autovacuum would: those
 * changed by more than 50 rows plus 10% since their last analysis (PostgreSQL's defaults).
 */
final class PlannerStatistics implements AutoCloseable {

    /** How often the tables are checked (autovacuum's default nap time). */
    static final Duration PERIOD = Duration.ofSeconds(60);
    /** The first check, soon after the services start filling their tables. */
    static final Duration FIRST = Duration.ofSeconds(15);

    /** Opens a connection to one service's database. */
    interface Databases {
        Connection connect(Service service) throws SQLException;
    }

    private static final String DUE = "select quote_ident(schemaname) || '.' || quote_ident(relname) "
            + "from pg_stat_user_tables where n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)";

    private final ScheduledExecutorService timer;

    private PlannerStatistics(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts the periodic analysis when autovacuum is off on the server behind {@code databases};
     * otherwise (or when that cannot be read) returns an instance that does nothing.
     */
    static PlannerStatistics startIfNeeded(Databases databases, Collection<Service> services,
            Consumer<String> report) {
        if (services.isEmpty() || !autovacuumOff(databases, services.iterator().next())) {
            return new PlannerStatistics(null);
        }
        report.accept("autovacuum is off on this server: the stack analyzes the services' changed tables every "
                + PERIOD.toSeconds() + " s in its place");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tousu-stack-analyze");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> services.forEach(service -> analyzeChanged(databases, service)),
                FIRST.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
        return new PlannerStatistics(timer);
    }

    private static boolean autovacuumOff(Databases databases, Service service) {
        try (Connection db = databases.connect(service); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("show autovacuum")) {
            return rows.next() && "off".equals(rows.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Analyzes what changed enough; a service that is down or restarting is skipped until next time. */
    static void analyzeChanged(Databases databases, Service service) {
        try (Connection db = databases.connect(service); Statement statement = db.createStatement()) {
            List<String> due = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(DUE)) {
                while (rows.next()) {
                    due.add(rows.getString(1));
                }
            }
            for (String table : due) {
                statement.execute("analyze " + table);
            }
        } catch (SQLException e) {
            // the database may be between a drill's restarts; the next period tries again
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
