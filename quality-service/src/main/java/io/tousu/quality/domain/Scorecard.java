package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a scorecard. A change adds a version and leaves the older ones as they were, so an
 * inspection keeps the version it was scored with; {@code current} marks the newest version.
 */
@Entity
@Table(name = "scorecard_versions")
public class Scorecard extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "row_id")
    public Long rowId;

    @Column(name = "scorecard_id", nullable = false)
    public UUID scorecardId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String name;

    /** The category it scores; null for the default scorecard of every other category. */
    public String category;

    @Column(name = "pass_mark", nullable = false)
    public int passMark;

    @Convert(converter = JsonColumn.Items.class)
    @Column(nullable = false)
    public List<ScorecardItem> items;

    /** Whether this is the newest version. */
    @Column(name = "is_current", nullable = false)
    public boolean current;

    /** Whether the scorecard is in use (a retired one is kept for the inspections scored with it). */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The item with this code, or null. */
    public ScorecardItem item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
