package io.tousu.intake.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The customer tracker page lives in META-INF/resources/track/, which Quarkus serves at
 * {@code /track/} only. {@code /track} redirects there, keeping the query ({@code ?lang=en}); the
 * Location is relative so the redirect also works behind a proxy that adds a path prefix.
 */
@ApplicationScoped
public class TrackerPageRoute {

    void addTrailingSlash(@Observes Router router) {
        router.get("/track").handler(rc -> {
            if (!rc.request().path().endsWith("/track")) {
                rc.next();
                return;
            }
            String query = rc.request().query();
            rc.response().setStatusCode(301)
                    .putHeader(HttpHeaders.LOCATION, "track/" + (query == null || query.isEmpty() ? "" : "?" + query))
                    .end();
        });
    }
}
