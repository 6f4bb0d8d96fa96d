package io.tousu.intake.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/categories")
@Tag(name = "Taxonomy", description = "Complaint categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    /** A category of the taxonomy, with its Chinese and English names. */
    public record CategoryView(String code, String nameZh, String nameEn) {
    }

    @GET
    @Operation(summary = "The active complaint categories", description = "Codes to use as `category` on intake.")
    public Uni<List<CategoryView>> list() {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("select code, name_zh, name_en from categories where active order by code",
                        Object[].class)
                .getResultList()))
                .map(rows -> rows.stream()
                        .map(r -> new CategoryView((String) r[0], (String) r[1], (String) r[2]))
                        .toList());
    }
}
