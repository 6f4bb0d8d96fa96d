package io.tousu.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the security gate of every JAX-RS endpoint of a service over real HTTP, so that no endpoint
 * is forgotten: the resource classes are found in the module's compiled classes, and for each
 * resource method
 * <ul>
 * <li>it is either guarded ({@code @RolesAllowed}, or {@code @Authenticated} for every role) or
 *     declared public by the test (and then marked {@code @PermitAll}); an unannotated endpoint fails
 *     the audit;</li>
 * <li>without a token a guarded endpoint answers 401;</li>
 * <li>a token holding only a role the endpoint does not allow answers 403 (problem+json), for every
 *     such role;</li>
 * <li>a token holding an allowed role passes the gate (whatever the handler then says about the
 *     made-up ids and empty bodies, it is neither 401 nor the role gate's 403).</li>
 * </ul>
 * Province isolation needs real data and is tested per resource in each service's security test.
 * Call it from a {@code @QuarkusTest} with {@link DefaultTestToken#off()}.
 */
public final class EndpointSecurityAudit {

    /** Every role of a Tousu token (platform's Roles). */
    public static final List<String> ROLES = List.of("channel", "agent", "backoffice", "supervisor", "inspector",
            "admin", "national");
    private static final String GATE_DETAIL = "the token's roles do not allow this";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*(:[^}]*)?}");
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    /** One resource method: its verb, path template, allowed roles, and whether it is public. */
    public record Endpoint(String verb, String path, Set<String> roles, boolean open, Method method) {

        /** The path with every template variable replaced by a made-up value of its parameter's type. */
        public String samplePath() {
            Matcher m = TEMPLATE_VARIABLE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(sample(m.group(1))));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String sample(String name) {
            for (Parameter p : method.getParameters()) {
                PathParam param = p.getAnnotation(PathParam.class);
                if (param != null && param.value().equals(name)) {
                    Class<?> type = p.getType();
                    if (type == UUID.class) {
                        return UUID.randomUUID().toString();
                    }
                    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                        return "1";
                    }
                }
            }
            return "GD20990101000001";
        }

        @Override
        public String toString() {
            return verb + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    private EndpointSecurityAudit() {
    }

    /**
     * The endpoints of the resource classes compiled into {@code target/classes} under
     * {@code restPackage} (the module's working directory is the Maven module, as under Surefire).
     */
    public static List<Endpoint> endpoints(String restPackage) {
        java.nio.file.Path dir = java.nio.file.Path.of("target/classes", restPackage.split("\\."));
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(restPackage + "." + name.substring(0, name.length() - 6), false,
                        Thread.currentThread().getContextClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    endpoints.addAll(endpointsOf(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::verb));
        assertTrue(!endpoints.isEmpty(), "no JAX-RS resources found in " + dir.toAbsolutePath());
        return endpoints;
    }

    private static List<Endpoint> endpointsOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : resource.getDeclaredMethods()) {
            String verb = null;
            for (Map.Entry<Class<? extends Annotation>, String> v : VERBS.entrySet()) {
                if (method.isAnnotationPresent(v.getKey())) {
                    verb = v.getValue();
                }
            }
            if (verb == null || method.isAnnotationPresent(DenyAll.class)) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String path = join(base, sub == null ? "" : sub.value());
            RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                    : resource.getAnnotation(RolesAllowed.class);
            boolean open = method.isAnnotationPresent(PermitAll.class)
                    || (roles == null && resource.isAnnotationPresent(PermitAll.class));
            Set<String> allowed = roles != null ? new TreeSet<>(Arrays.asList(roles.value()))
                    : isAuthenticated(method) || isAuthenticated(resource) ? new TreeSet<>(ROLES) : Set.of();
            endpoints.add(new Endpoint(verb, path, allowed, open, method));
        }
        return endpoints;
    }

    /** Quarkus' {@code @Authenticated}: any valid token, whatever its roles. */
    private static boolean isAuthenticated(java.lang.reflect.AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("io.quarkus.security.Authenticated"));
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Audits every endpoint; {@code publicPaths} are the path templates meant to need no token.
     * Collects every finding and fails once with all of them.
     *
     * @param province the province of the role tokens
     * @return how many requests were made
     */
    public static int audit(List<Endpoint> endpoints, Set<String> publicPaths, String province) {
        List<String> findings = new ArrayList<>();
        Set<String> unusedPublic = new LinkedHashSet<>(publicPaths);
        int requests = 0;
        for (Endpoint e : endpoints) {
            unusedPublic.remove(e.path());
            if (publicPaths.contains(e.path())) {
                if (!e.open()) {
                    findings.add(e + " is listed as public but not marked @PermitAll");
                }
                continue;
            }
            if (e.open() || e.roles().isEmpty()) {
                findings.add(e + " has no @RolesAllowed and is not a declared public endpoint");
                continue;
            }
            Response anonymous = send(given(), e);
            requests++;
            if (anonymous.statusCode() != 401) {
                findings.add(e + " without a token answered " + anonymous.statusCode() + ", not 401");
            }
            for (String role : ROLES) {
                String token = Tokens.mint("audit-" + role, List.of(role), province, "audit-team", Duration.ofMinutes(10));
                Response answer = send(given().auth().oauth2(token), e);
                requests++;
                boolean gate = answer.statusCode() == 403 && answer.asString().contains(GATE_DETAIL);
                if (e.roles().contains(role)) {
                    if (answer.statusCode() == 401 || gate) {
                        findings.add(e + " refused the allowed role " + role + " with " + answer.statusCode());
                    }
                } else if (!gate) {
                    findings.add(e + " let the role " + role + " through (" + answer.statusCode() + ", not 403)");
                } else if (!answer.contentType().startsWith("application/problem+json")) {
                    findings.add(e + " answered 403 to " + role + " as " + answer.contentType());
                }
                if (answer.statusCode() >= 500) {
                    findings.add(e + " answered " + answer.statusCode() + " to role " + role + " with made-up input");
                }
            }
        }
        unusedPublic.forEach(p -> findings.add("declared public path " + p + " matches no endpoint"));
        if (!findings.isEmpty()) {
            fail(findings.size() + " security findings over " + endpoints.size() + " endpoints:\n  "
                    + String.join("\n  ", findings));
        }
        return requests;
    }

    private static Response send(RequestSpecification request, Endpoint e) {
        RequestSpecification r = request.redirects().follow(false);
        if (!e.verb().equals("GET") && !e.verb().equals("DELETE")) {
            r = r.contentType("application/json").body("{}");
        }
        return r.request(e.verb(), e.samplePath());
    }
}
