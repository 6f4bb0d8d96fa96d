package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.tousu.escalation.domain.ClockKind;
import io.tousu.escalation.domain.ClockState;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.domain.SlaClock;
import io.tousu.platform.persistence.NativeSelects;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SLA clocks. */
@ApplicationScoped
public class SlaClockRepository implements PanacheRepositoryBase<SlaClock, Long> {

    public Uni<List<SlaClock>> forComplaint(UUID complaintId) {
        return list("complaintId = ?1 order by id", complaintId);
    }

    /** The clocks of several complaints in one query, in id order. */
    public Uni<List<SlaClock>> forComplaints(List<UUID> complaintIds) {
        return list("complaintId in ?1 order by id", complaintIds);
    }

    /** The states in which a clock's deadline fires. */
    private static final List<String> FIRING_STATES = List.of(ClockState.RUNNING.name());

    /**
     * Claims up to {@code limit} running clocks due at {@code now}, locking them for this
     * transaction; rows another transaction holds are skipped, so no two replicas fire one deadline.
     */
    public Uni<List<SlaClock>> claimDue(Instant now, int limit) {
        // the states as a list parameter keep the plan out of Hibernate's cache (see NativeSelects)
        return NativeSelects.list(SlaClock.class, "select * from sla_clocks where state in (?1) and fire_at <= ?2 "
                + "order by fire_at limit ?3 for update skip locked", FIRING_STATES, now, limit);
    }

    /** Optional filters of the deadline lists; a null field does not filter. */
    public record Filter(String province, String category, ClockKind clock) {
    }

    /** A page of a list, with the total over all pages. */
    public record Slice<T>(List<T> items, long total) {
    }

    /** Open clocks past their SLA deadline, longest overdue first. */
    public Uni<Slice<SlaClock>> overdue(Filter filter, Instant now, Page page) {
        Parameters params = Parameters.with("open", List.of(ClockState.RUNNING, ClockState.BREACHED)).and("now", now);
        String where = "state in :open and (firstBreachedAt is not null or dueAt <= :now)" + filters(filter, params);
        return slice(find(where + " order by coalesce(firstBreachedAt, dueAt), id", params), page);
    }

    /** Running clocks not yet breached that run out within {@code within}, soonest first. */
    public Uni<Slice<SlaClock>> dueSoon(Filter filter, Instant now, Duration within, Page page) {
        Parameters params = Parameters.with("running", ClockState.RUNNING).and("now", now)
                .and("until", now.plus(within));
        String where = "state = :running and firstBreachedAt is null and dueAt > :now and dueAt <= :until"
                + filters(filter, params);
        return slice(find(where + " order by dueAt, id", params), page);
    }

    /** The fixed query fragments of the filters given; values always go in as parameters. */
    private static String filters(Filter filter, Parameters params) {
        StringBuilder where = new StringBuilder();
        if (filter.province() != null) {
            where.append(" and province = :province");
            params.and("province", filter.province());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.and("category", filter.category());
        }
        if (filter.clock() != null) {
            where.append(" and kind = :kind");
            params.and("kind", filter.clock());
        }
        return where.toString();
    }

    private static Uni<Slice<SlaClock>> slice(PanacheQuery<SlaClock> query, Page page) {
        return query.page(page).list().flatMap(items -> query.count().map(total -> new Slice<>(items, total)));
    }
}
