package io.tousu.reporting.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.reporting.domain.CategoryCount;
import io.tousu.reporting.repository.ComplaintFactRepository;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "Key complaint indicators from the read models")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final ComplaintFactRepository facts;

    public IndicatorResource(ComplaintFactRepository facts) {
        this.facts = facts;
    }

    @GET
    @Path("counts")
    @Operation(summary = "Complaints received per province and category",
            description = "Counted from tousu.complaints; each event counts once even when redelivered.")
    public Uni<List<CategoryCount>> counts(
            @Parameter(description = "Province code; all provinces when absent", example = "GD")
            @QueryParam("province") @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter province code such as GD")
            String province) {
        return Panache.withSession(() -> facts.countByProvinceAndCategory(province));
    }
}
