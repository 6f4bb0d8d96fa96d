package io.tousu.platform.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type       a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title      short, the same for every occurrence of the kind
 * @param status     the HTTP status
 * @param detail     this occurrence in words
 * @param instance   the request path
 * @param violations the wrong fields, when the problem is with the input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldViolation> violations, @JsonIgnore Map<String, Object> extensions) {

    public Problem(String type, String title, int status, String detail, String instance,
            List<FieldViolation> violations) {
        this(type, title, status, detail, instance, violations, Map.of());
    }

    /** Extension members (RFC 9457 section 3.2), written beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String VALIDATION_TYPE = "https://tousu.io/problems/validation";

    /** The problem as a response with the problem+json media type. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    /** A 400 listing the wrong fields. */
    public static Problem validation(String instance, List<FieldViolation> violations) {
        return new Problem(VALIDATION_TYPE, "The request has invalid fields", 400,
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid",
                instance, violations);
    }
}
