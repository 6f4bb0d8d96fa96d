package io.tousu.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} body: field errors name the
 * field and say why; a database that cannot be reached gives a 503 with {@code Retry-After}
 * ({@link DatabaseUnavailable}); other unexpected failures give a 500 without internals (logged with
 * the request path).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return Problem.validation(path(uri), violations).toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.toProblem(path(uri)).toResponse();
    }

    /** Declared separately: Quarkus has a built-in mapper for this subtype that would answer first. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            message = StrictJson.NUL_MESSAGE;
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + abbreviate(String.valueOf(f.getValue())) + "' as "
                    + f.getTargetType().getSimpleName() + allowedValues(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + jsonKind(m.getTargetType()) + allowedValues(m.getTargetType());
        } else if (e instanceof JsonMappingException) {
            message = "wrong type or shape of value";
        } else {
            message = "the body is not valid JSON (line " + lineOf(e) + ")";
        }
        return Problem.validation(path(uri), List.of(new FieldViolation(field.isEmpty() ? "body" : field, message)))
                .toResponse();
    }

    /** A concurrent change won the race (optimistic locking): the caller reloads and retries. */
    @ServerExceptionMapper({org.hibernate.StaleStateException.class, jakarta.persistence.OptimisticLockException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return new Problem("https://tousu.io/problems/concurrent-change", "Changed concurrently", 409,
                "someone else changed this resource at the same time; reload it and try again", path(uri), List.of())
                .toResponse();
    }

    /** No or no valid bearer token. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(new Problem("about:blank", "Unauthorized", 401,
                "a valid bearer token is required", path(uri), List.of()).toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** The token's roles do not allow this endpoint. */
    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e, UriInfo uri) {
        return new Problem("about:blank", "Forbidden", 403, "the token's roles do not allow this", path(uri),
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", path(uri));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
        return new Problem("about:blank", title, status, detail, path(uri), List.of()).toResponse();
    }

    /**
     * Everything no other mapper took: a 503 when the database cannot be reached (whatever wraps that
     * failure), else a 500.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.isConnectionFailure(e)) {
            // expected while PostgreSQL is away, and many requests see it: one line each, no stack trace
            LOG.warnf("request %s answered 503, the database cannot be reached: %s", path(uri),
                    DatabaseUnavailable.rootMessage(e));
            return DatabaseUnavailable.response(path(uri));
        }
        LOG.errorf(e, "request %s failed unexpectedly", path(uri));
        return new Problem("about:blank", "Internal Server Error", 500,
                "The server could not complete the request; it has been logged.", path(uri), List.of()).toResponse();
    }

    /** The bean path of a violation without the method and parameter names: {@code customer.msisdn}. */
    static String fieldName(ConstraintViolation<?> violation) {
        String name = "";
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String part = node.getName() == null ? "" : node.getName();
                if (node.getIndex() != null) {
                    name = name + "[" + node.getIndex() + "]";
                }
                name = name.isEmpty() ? part : part.isEmpty() ? name : name + "." + part;
            }
        }
        if (!name.isEmpty()) {
            return name;
        }
        return parameter != null ? parameter : "body";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** What JSON a field of this Java type takes, in words. */
    private static String jsonKind(Class<?> type) {
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.util.UUID.class) {
            return "a JSON string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a JSON number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "";
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
