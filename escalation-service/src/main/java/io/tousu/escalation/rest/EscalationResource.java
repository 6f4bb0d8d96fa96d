package io.tousu.escalation.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.escalation.repository.SlaClockRepository;
import io.tousu.platform.rest.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/escalations")
@Tag(name = "Escalations", description = "SLA clocks and escalation state of complaints")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    /** A complaint's clocks. */
    public record ComplaintClocks(UUID complaintId, List<ClockView> clocks) {
    }

    private final SlaClockRepository clocks;

    public EscalationResource(SlaClockRepository clocks) {
        this.clocks = clocks;
    }

    @GET
    @Path("{complaintId}")
    @Operation(summary = "The SLA clocks of a complaint", description = "Armed when the complaint is received.")
    public Uni<ComplaintClocks> get(@PathParam("complaintId") UUID complaintId) {
        return Panache.withSession(() -> clocks.forComplaint(complaintId)).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.notFound("no clocks for complaint " + complaintId);
            }
            return new ComplaintClocks(complaintId, list.stream().map(ClockView::of).toList());
        });
    }
}
