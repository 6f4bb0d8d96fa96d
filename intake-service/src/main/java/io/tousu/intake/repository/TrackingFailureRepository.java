package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Failed tracking look-ups per ticket, shared by all replicas through the database. */
@ApplicationScoped
public class TrackingFailureRepository {

    /** Failures since {@code since}: of this ticket, and from this client address. */
    public record Failures(long ofTicket, long fromClient) {
    }

    public Uni<Failures> countSince(String ticketNo, String clientAddress, Instant since) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select count(*) filter (where ticket_no = ?1), "
                        + "count(*) filter (where client_address = ?2) from tracking_failures "
                        + "where (ticket_no = ?1 or client_address = ?2) and failed_at >= ?3", Object[].class)
                .setParameter(1, ticketNo)
                .setParameter(2, clientAddress)
                .setParameter(3, since)
                .getSingleResult())
                .map(row -> new Failures(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    public Uni<Void> record(String ticketNo, String clientAddress, Instant at) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into tracking_failures (ticket_no, client_address, failed_at) "
                        + "values (?1, ?2, ?3)")
                .setParameter(1, ticketNo)
                .setParameter(2, clientAddress)
                .setParameter(3, at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
