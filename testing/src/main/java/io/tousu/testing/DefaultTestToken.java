package io.tousu.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;

/**
 * Before each {@code @QuarkusTest} method (registered through the service loader), rest-assured
 * adds a {@link Tokens#superuser()} bearer token to every request that carries no Authorization
 * header of its own. Security tests call {@link #off()} in their {@code @BeforeEach} to send only
 * the tokens they mean. (A Quarkus callback, not a JUnit extension: it runs in the class loader the
 * tests run in.)
 */
public class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    private static final String BEARER = "Bearer " + Tokens.superuser();

    private static final Filter ADD_TOKEN = (request, response, ctx) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", BEARER);
        }
        return ctx.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(List.of(ADD_TOKEN));
    }

    /** No default token for the rest of this test: requests carry only what the test gives them. */
    public static void off() {
        RestAssured.replaceFiltersWith(List.of());
    }
}
