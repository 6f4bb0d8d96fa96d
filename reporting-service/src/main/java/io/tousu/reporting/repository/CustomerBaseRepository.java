package io.tousu.reporting.repository;

import static io.tousu.reporting.repository.ComplaintFactWriter.execute;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The customer base of each province and month, the denominator of regulator complaints per 10k customers. */
@ApplicationScoped
public class CustomerBaseRepository {

    private final Pool pool;

    public CustomerBaseRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a report in the caller's transaction. It replaces a stored one of the same month unless
     * the stored one was reported later.
     */
    public Uni<Void> report(String province, YearMonth month, long customers, Instant reportedAt) {
        return execute("insert into customer_bases (province, month, customers, reported_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (province, month) do update set customers = excluded.customers, "
                + "reported_at = excluded.reported_at where customer_bases.reported_at <= excluded.reported_at",
                province, month.atDay(1), customers, reportedAt);
    }

    /** The customers of a province for the months from {@code from} to {@code to} (both inclusive). */
    public Uni<Map<YearMonth, Long>> customers(String province, YearMonth from, YearMonth to) {
        return list(province, from, to).map(bases -> {
            Map<YearMonth, Long> byMonth = new TreeMap<>();
            bases.forEach(b -> byMonth.put(b.month(), b.customers()));
            return byMonth;
        });
    }

    /** The stored reports of a province for the months from {@code from} to {@code to}, in month order. */
    public Uni<List<CustomerBase>> list(String province, YearMonth from, YearMonth to) {
        return pool.preparedQuery("select month, customers, reported_at from customer_bases where province = $1 "
                + "and month >= $2 and month <= $3 order by month")
                .execute(Tuple.of(province, from.atDay(1), to.atDay(1)))
                .map(rows -> {
                    List<CustomerBase> bases = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate month = r.getLocalDate(0);
                        bases.add(new CustomerBase(province, YearMonth.from(month), r.getLong(1),
                                r.getOffsetDateTime(2).withOffsetSameInstant(ZoneOffset.UTC).toInstant()));
                    }
                    return bases;
                });
    }

    /** One stored report. */
    public record CustomerBase(String province, YearMonth month, long customers, Instant reportedAt) {
    }
}
