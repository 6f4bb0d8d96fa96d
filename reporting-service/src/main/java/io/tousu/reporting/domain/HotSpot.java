package io.tousu.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One hot-spot episode: from the window that raised it until the evaluation that ended it. */
@Entity
@Table(name = "hot_spots")
public class HotSpot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HotSpotDimension dimension;

    @Column(name = "hot_key", nullable = false)
    public String key;

    /** When the episode was raised. */
    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    /** The window that raised it. */
    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    /** Complaints in the window that raised it. */
    @Column(nullable = false)
    public long count;

    /** Complaints expected in that window. */
    @Column(nullable = false)
    public BigDecimal baseline;

    /** The most complaints of any window evaluated during the episode. */
    @Column(name = "peak_count", nullable = false)
    public long peakCount;

    /** Complaints in the latest window evaluated. */
    @Column(name = "last_count", nullable = false)
    public long lastCount;

    /** When the episode ended; null while open. */
    @Column(name = "ended_at")
    public Instant endedAt;
}
