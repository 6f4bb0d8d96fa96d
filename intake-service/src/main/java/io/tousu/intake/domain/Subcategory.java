package io.tousu.intake.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A subcategory of a category. */
@Entity
@Table(name = "subcategories")
@IdClass(Subcategory.Key.class)
public class Subcategory extends PanacheEntityBase {

    /** Primary key: category and code. */
    public record Key(String category, String code) implements Serializable {
    }

    @Id
    public String category;

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public boolean active;
}
