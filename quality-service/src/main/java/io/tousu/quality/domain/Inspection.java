package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A sampled complaint's inspection (质检): queued, claimed by an inspector, scored, maybe appealed. */
@Entity
@Table(name = "inspections")
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(nullable = false)
    public int round;

    @Column(name = "ticket_no")
    public String ticketNo;

    @Column(nullable = false)
    public String province;

    public String channel;
    public String category;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "team_id")
    public String teamId;

    @Column(nullable = false)
    public String reason;

    /** Reasons separated by commas. */
    @Column(nullable = false)
    public String reasons;

    @Column(name = "high_risk")
    public boolean highRisk;

    @Column(name = "sampled_at", nullable = false)
    public Instant sampledAt;

    /** The month (yyyy-MM, in the province's zone) whose sampling quota it counts in. */
    @Column(name = "sample_month", nullable = false)
    public String sampleMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionStatus status;

    @Column(name = "inspector_id")
    public String inspectorId;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "scorecard_id")
    public UUID scorecardId;

    @Column(name = "scorecard_version")
    public Integer scorecardVersion;

    @Column(name = "raw_score")
    public BigDecimal rawScore;

    public BigDecimal score;

    @Column(name = "max_score")
    public BigDecimal maxScore;

    @Column(name = "critical_failed")
    public Boolean criticalFailed;

    public Boolean passed;

    @Convert(converter = JsonColumn.Scores.class)
    @Column(name = "item_scores")
    public List<ItemScore> itemScores;

    public String comment;

    @Column(name = "scored_at")
    public Instant scoredAt;

    /** The score after an appeal was decided; null until then. */
    @Column(name = "final_score")
    public BigDecimal finalScore;

    /** For a calibration inspection: the sampled inspection it re-scores; null for a sampled one. */
    @Column(name = "calibration_of")
    public UUID calibrationOf;

    @Version
    public long version;

    /** True for a calibration inspection, which does not count toward the agent. */
    public boolean isCalibration() {
        return calibrationOf != null;
    }

    /** Reasons as a list. */
    public List<String> reasonList() {
        return reasons.isEmpty() ? List.of() : List.of(reasons.split(","));
    }
}
