package io.tousu.intake.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.intake.domain.Category;
import io.tousu.intake.domain.Subcategory;
import io.tousu.intake.repository.TaxonomyCache;
import io.tousu.intake.repository.TaxonomyRepository;
import io.tousu.platform.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.tousu.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/categories")
@Tag(name = "Taxonomy", description = "The province's complaint categories and subcategories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    private static final String CODE_MESSAGE = "must be 2 to 40 upper-case letters, digits or '_', starting with a letter";

    /** A category with its subcategories, in Chinese and English. */
    public record CategoryView(String code, String nameZh, String nameEn, boolean active,
            List<SubcategoryView> subcategories) {
    }

    public record SubcategoryView(String code, String nameZh, String nameEn, boolean active) {

        static SubcategoryView of(Subcategory s) {
            return new SubcategoryView(s.code, s.nameZh, s.nameEn, s.active);
        }
    }

    /** Names and whether new complaints may use it. */
    @Schema(description = "A taxonomy entry as an administrator sets it")
    public record TaxonomyEntry(
            @Schema(example = "扣费争议", required = true)
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            String nameZh,
            @Schema(example = "Billing / fee dispute", required = true)
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
            String nameEn,
            @Schema(description = "false: kept for old complaints, refused for new ones", defaultValue = "true")
            Boolean active) {
    }

    private final TaxonomyRepository taxonomy;
    private final TaxonomyCache cache;

    public CategoryResource(TaxonomyRepository taxonomy, TaxonomyCache cache) {
        this.taxonomy = taxonomy;
        this.cache = cache;
    }

    @GET
    @Authenticated
    @Operation(summary = "The complaint categories with their subcategories",
            description = "Codes to use as `category` and `subcategory` on intake; active ones only unless asked.")
    public Uni<List<CategoryView>> list(
            @Parameter(description = "Include inactive entries") @QueryParam("includeInactive") @DefaultValue("false")
            boolean includeInactive) {
        return Panache.withSession(() -> taxonomy.categories(includeInactive)
                .flatMap(categories -> taxonomy.subcategories(includeInactive).map(subs -> {
                    Map<String, List<SubcategoryView>> byCategory = subs.stream().collect(Collectors.groupingBy(
                            s -> s.category, Collectors.mapping(SubcategoryView::of, Collectors.toList())));
                    return categories.stream().map(c -> new CategoryView(c.code, c.nameZh, c.nameEn, c.active,
                            byCategory.getOrDefault(c.code, List.of()))).toList();
                })));
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a category", description = "Administrators shape the province's taxonomy.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Changed")
    public Uni<Response> putCategory(
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Valid @NotNull(message = "a JSON body is required") TaxonomyEntry body) {
        return Panache.withTransaction(() -> taxonomy.category(code).flatMap(existing -> {
            Category c = existing != null ? existing : new Category();
            c.code = code;
            c.nameZh = body.nameZh().strip();
            c.nameEn = body.nameEn().strip();
            c.active = body.active() == null || body.active();
            return c.persist().map(saved -> Response.status(existing == null ? 201 : 200)
                    .entity(new CategoryView(c.code, c.nameZh, c.nameEn, c.active, null)).build());
        })).invoke(cache::invalidate);
    }

    @PUT
    @Path("{code}/subcategories/{subcode}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a subcategory")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Changed")
    public Uni<Response> putSubcategory(
            @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @PathParam("subcode") @Pattern(regexp = CODE, message = CODE_MESSAGE) String subcode,
            @Valid @NotNull(message = "a JSON body is required") TaxonomyEntry body) {
        return Panache.withTransaction(() -> taxonomy.category(code).flatMap(category -> {
            if (category == null) {
                throw ProblemException.notFound("no category " + code);
            }
            return taxonomy.subcategory(code, subcode);
        }).flatMap(existing -> {
            Subcategory s = existing != null ? existing : new Subcategory();
            s.category = code;
            s.code = subcode;
            s.nameZh = body.nameZh().strip();
            s.nameEn = body.nameEn().strip();
            s.active = body.active() == null || body.active();
            return s.persist().map(saved -> Response.status(existing == null ? 201 : 200)
                    .entity(SubcategoryView.of(s)).build());
        })).invoke(cache::invalidate);
    }
}
