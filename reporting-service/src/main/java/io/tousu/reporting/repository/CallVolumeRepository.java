package io.tousu.reporting.repository;

import static io.tousu.reporting.repository.ComplaintFactWriter.execute;

import io.smallrye.mutiny.Uni;
import io.tousu.reporting.domain.DailyCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;

/** Manual call reports per province, day and city. */
@ApplicationScoped
public class CallVolumeRepository {

    /**
     * Stores a report in the caller's transaction. A report replaces a stored one of the same day and
     * city unless the stored one was reported later (a late redelivery of an old report changes nothing).
     */
    public Uni<Void> report(String province, LocalDate day, String city, long manualCalls, Instant reportedAt) {
        return execute("insert into call_volumes (province, day, city, manual_calls, reported_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (province, day, city) do update "
                + "set manual_calls = excluded.manual_calls, reported_at = excluded.reported_at "
                + "where call_volumes.reported_at <= excluded.reported_at",
                province, day, city == null || city.isBlank() ? DailyCalls.WHOLE_PROVINCE : city.strip(), manualCalls,
                reportedAt);
    }
}
