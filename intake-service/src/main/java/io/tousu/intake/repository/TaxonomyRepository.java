package io.tousu.intake.repository;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Category;
import io.tousu.intake.domain.Subcategory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The complaint taxonomy: categories and their subcategories. */
@ApplicationScoped
public class TaxonomyRepository {

    public Uni<List<Category>> categories(boolean includeInactive) {
        return includeInactive ? Category.listAll(Sort.by("code")) : Category.list("active", Sort.by("code"), true);
    }

    public Uni<List<Subcategory>> subcategories(boolean includeInactive) {
        Sort sort = Sort.by("category").and("code");
        return includeInactive ? Subcategory.listAll(sort) : Subcategory.list("active", sort, true);
    }

    public Uni<Category> category(String code) {
        return Category.findById(code);
    }

    public Uni<Subcategory> subcategory(String category, String code) {
        return Subcategory.findById(new Subcategory.Key(category, code));
    }
}
