package io.tousu.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Channel;
import io.tousu.intake.domain.Complaint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/** Complaints, the taxonomy and ticket sequences. */
@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

    /** The complaint a channel already submitted under this message id, or null. */
    public Uni<Complaint> findByChannelRef(Channel channel, String channelRef) {
        return find("channel = ?1 and channelRef = ?2", channel, channelRef).firstResult();
    }

    /** True when the category code is in the active taxonomy. */
    public Uni<Boolean> isActiveCategory(String code) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("select count(*) from categories where code = ?1 and active", Long.class)
                .setParameter(1, code)
                .getSingleResult())
                .map(n -> n > 0);
    }

    /** Takes the next ticket sequence of the province and day, in the current transaction. */
    public Uni<Integer> nextTicketSequence(String province, LocalDate day) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("insert into ticket_counters (province, day, last_seq) values (?1, ?2, 1) "
                        + "on conflict (province, day) do update set last_seq = ticket_counters.last_seq + 1 "
                        + "returning last_seq", Integer.class)
                .setParameter(1, province)
                .setParameter(2, day)
                .getSingleResult());
    }
}
