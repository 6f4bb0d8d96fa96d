package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Failed tracking look-ups per ticket, shared by all replicas through the database. */
@ApplicationScoped
public class TrackingFailureRepository {

    public Uni<Long> countSince(String ticketNo, Instant since) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select count(*) from tracking_failures where ticket_no = ?1 and failed_at >= ?2",
                        Long.class)
                .setParameter(1, ticketNo)
                .setParameter(2, since)
                .getSingleResult());
    }

    public Uni<Void> record(String ticketNo, Instant at) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into tracking_failures (ticket_no, failed_at) values (?1, ?2)")
                .setParameter(1, ticketNo)
                .setParameter(2, at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
