package io.tousu.quality.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.platform.rest.ProblemException;
import io.tousu.quality.domain.InspectionCandidate;
import io.tousu.quality.repository.InspectionCandidateRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/inspection-candidates")
@Tag(name = "Sampling", description = "Complaints quality may inspect, with their high-risk reasons")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    /** A candidate for inspection. */
    public record CandidateView(UUID complaintId, String ticketNo, String province, String channel, String category,
            boolean highRisk, List<String> riskReasons) {

        static CandidateView of(InspectionCandidate c) {
            return new CandidateView(c.complaintId, c.ticketNo, c.province, c.channel, c.category, c.highRisk,
                    c.riskReasons.isEmpty() ? List.of() : List.of(c.riskReasons.split(",")));
        }
    }

    private final InspectionCandidateRepository candidates;

    public CandidateResource(InspectionCandidateRepository candidates) {
        this.candidates = candidates;
    }

    @GET
    @Path("{complaintId}")
    @Operation(summary = "A complaint's inspection candidacy",
            description = "High-risk complaints (regulator channel, repeats, suspected malicious) are always inspected.")
    public Uni<CandidateView> get(@PathParam("complaintId") UUID complaintId) {
        return Panache.withSession(() -> candidates.findById(complaintId)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("no candidate for complaint " + complaintId);
            }
            return CandidateView.of(c);
        });
    }
}
