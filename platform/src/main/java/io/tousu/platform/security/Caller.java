package io.tousu.platform.security;

import io.tousu.platform.rest.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the bearer token: the subject, roles, province and team. A {@code province}
 * claim limits every read and write to that province; only {@code national} callers see all.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's id (token subject). */
    public String id() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The province the caller is limited to, or null for a national caller without one. */
    public String province() {
        return token.getClaim("province");
    }

    /** The caller's team, when the token names one. */
    public String team() {
        return token.getClaim("team");
    }

    public boolean isNational() {
        return hasRole(Roles.NATIONAL);
    }

    /** True when the caller may see data of {@code province}. */
    public boolean canSee(String province) {
        return isNational() || (province() != null && province().equals(province));
    }

    /**
     * Answers 404 (not 403) for another province's resource, so that ids of other provinces cannot
     * even be confirmed to exist.
     */
    public void requireVisible(String province, String what) {
        if (!canSee(province)) {
            throw ProblemException.notFound(what);
        }
    }

    /** Refuses (403) a write into a province the caller does not belong to. */
    public void requireWritable(String province) {
        if (!isNational() && (province() == null || !province().equals(province))) {
            throw new ProblemException(403, "https://tousu.io/problems/other-province", "Another province",
                    "this token is limited to province " + province() + ", not " + province, java.util.List.of());
        }
    }

    /** The province a query is limited to: the caller's own, or the one asked for by a national caller. */
    public String scopeProvince(String requested) {
        if (isNational()) {
            return requested;
        }
        if (province() == null) {
            throw new ProblemException(403, "https://tousu.io/problems/other-province", "No province",
                    "this token names no province and is not national", java.util.List.of());
        }
        if (requested != null && !requested.equals(province())) {
            throw new ProblemException(403, "https://tousu.io/problems/other-province", "Another province",
                    "this token is limited to province " + province() + ", not " + requested, java.util.List.of());
        }
        return province();
    }
}
