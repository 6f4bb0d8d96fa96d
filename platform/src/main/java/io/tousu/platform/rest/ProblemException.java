package io.tousu.platform.rest;

import java.util.List;
import java.util.Map;

/**
 * Thrown by resources and domain services for a client error that is not a bean-validation
 * failure: a rule of the domain says no. Mapped to a problem+json response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldViolation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, List<FieldViolation> violations) {
        this(status, type, title, detail, violations, Map.of());
    }

    /** With extension members, e.g. the current state and the allowed actions of a refused transition. */
    public ProblemException(int status, String type, String title, String detail, List<FieldViolation> violations,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    /** 400: one field is wrong. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, Problem.VALIDATION_TYPE, "The request has invalid fields",
                field + ": " + message, List.of(new FieldViolation(field, message)));
    }

    /** 404: nothing with this id, or not for the caller to see. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "about:blank", "Not found", what, List.of());
    }

    /** 429: the caller must wait before trying again. */
    public static ProblemException tooManyAttempts(String type, String detail) {
        return new ProblemException(429, type, "Too many attempts", detail, List.of());
    }

    /** 409: the request conflicts with the current state (e.g. a transition the lifecycle forbids). */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict with the current state", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, violations, extensions);
    }
}
