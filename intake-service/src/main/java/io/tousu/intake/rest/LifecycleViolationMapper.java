package io.tousu.intake.rest;

import io.tousu.intake.domain.Lifecycle;
import io.tousu.intake.domain.ProblemTypes;
import io.tousu.platform.rest.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An action the complaint's state does not allow: 409 naming the current state and what is allowed. */
public class LifecycleViolationMapper {

    @ServerExceptionMapper
    public Response illegalTransition(Lifecycle.LifecycleViolation e, UriInfo uri) {
        return new ProblemException(409, ProblemTypes.ILLEGAL_TRANSITION, "Not allowed in the current state",
                e.getMessage(), List.of(), Map.of("currentStatus", e.status().name(), "action", e.action().name(),
                        "allowedActions", e.allowedActions().stream().map(Enum::name).sorted().toList()))
                .toProblem("/" + uri.getPath().replaceFirst("^/", "")).toResponse();
    }
}
