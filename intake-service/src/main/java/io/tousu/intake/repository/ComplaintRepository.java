package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/** Complaints: look-ups and search (a new one is stored by {@link NewComplaints}). */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    /** A page of search results with the total count. */
    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    /** The complaint a channel already submitted under this message id, or null. */
    public Uni<Complaint> findByChannelRef(Channel channel, String channelRef) {
        return find("channel = ?1 and channelRef = ?2", channel, channelRef).firstResult();
    }

    public Uni<Complaint> findByTicketNo(String ticketNo) {
        return find("ticketNo", ticketNo).firstResult();
    }

    /** The complaints with these ids, in the order of the ids (none and no query for none). */
    public Uni<List<Complaint>> byIdsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids).map(found -> found.stream()
                .sorted(java.util.Comparator.comparingInt(c -> ids.indexOf(c.id))).toList());
    }

    /** One page of complaints matching the filter, newest first. */
    public Uni<PageOf<Complaint>> search(ComplaintFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.province().ifPresent(v -> clause(where, params, "province", v));
        filter.status().ifPresent(v -> clause(where, params, "status", v));
        filter.channel().ifPresent(v -> clause(where, params, "channel", v));
        filter.category().ifPresent(v -> clause(where, params, "category", v));
        filter.priority().ifPresent(v -> clause(where, params, "priority", v));
        filter.ownerId().ifPresent(v -> clause(where, params, "ownerId", v));
        filter.teamId().ifPresent(v -> clause(where, params, "teamId", v));
        filter.receivedFrom().ifPresent(v -> {
            where.append(" and receivedAt >= :receivedFrom");
            params.and("receivedFrom", v);
        });
        filter.receivedTo().ifPresent(v -> {
            where.append(" and receivedAt < :receivedTo");
            params.and("receivedTo", v);
        });
        var query = find(where.toString(), Sort.descending("receivedAt").and("id"), params);
        return query.page(Page.of(page, size)).list()
                .flatMap(items -> query.count().map(total -> new PageOf<>(items, page, size, total)));
    }

    /** Adds {@code and field = :field}; the field names are fixed here, only values come from callers. */
    private static void clause(StringBuilder where, Parameters params, String field, Object value) {
        where.append(" and ").append(field).append(" = :").append(field);
        params.and(field, value);
    }
}
