package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A typical ticket error published as a case with its lesson (差错案例推送). */
@Entity
@Table(name = "error_cases")
public class ErrorCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "error_id", nullable = false)
    public UUID errorId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String lesson;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
