package io.tousu.escalation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.tousu.escalation.domain.ComplaintPhase;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.persistence.NativeSelects;
import io.tousu.escalation.domain.TrackedComplaint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** The complaints escalation tracks. */
@ApplicationScoped
public class TrackedComplaintRepository implements PanacheRepositoryBase<TrackedComplaint, UUID> {

    /** Reads and locks a complaint for an update (waits for another transaction holding it). */
    public Uni<TrackedComplaint> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Reads and locks the complaints of a batch that are tracked, in id order (so two batches never
     * wait for each other in a cycle); waits for another transaction holding one. (The ids are a list
     * parameter, see {@link NativeSelects}.)
     */
    public Uni<List<TrackedComplaint>> lockAll(List<UUID> ids) {
        return NativeSelects.list(TrackedComplaint.class,
                "select * from tracked_complaints where complaint_id in (?1) order by complaint_id for update", ids);
    }

    /** Locks those of the complaints no other transaction holds; the others are left for later. */
    public Uni<List<TrackedComplaint>> lockAvailable(List<UUID> ids) {
        return NativeSelects.list(TrackedComplaint.class,
                "select * from tracked_complaints where complaint_id in (?1) for update skip locked", ids);
    }

    /** Open complaints scoring at least {@code minScore}, highest first, with the total count. */
    public Uni<SlaClockRepository.Slice<TrackedComplaint>> atRisk(int minScore, String province, Page page) {
        Parameters params = Parameters.with("open", ComplaintPhase.OPEN).and("min", minScore);
        String where = "phase = :open and riskScore >= :min";
        if (province != null) {
            where += " and province = :province";
            params.and("province", province);
        }
        PanacheQuery<TrackedComplaint> query = find(where + " order by riskScore desc, receivedAt", params);
        return query.page(page).list().flatMap(items -> query.count()
                .map(total -> new SlaClockRepository.Slice<>(items, total)));
    }
}
