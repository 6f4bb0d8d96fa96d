package io.tousu.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser every service uses: SmallRye JWT's own, with the tokens it verified kept
 * for a while ({@link VerifiedTokens}). An agent sends the same token with every request of a
 * shift; verifying its RSA signature and parsing its claims again each time is wasted work. A
 * token is used from the cache at most {@link #MAX_AGE} after its verification and never past its
 * expiry; anything else (a new, changed, expired or bad token) goes through the full verification,
 * whose failures are not kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** How long a verified token is used without verifying it again (never past its own expiry). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /**
     * Most tokens kept (a few KB each with their parsed claims, so a few MB at most): the agents
     * and front ends active within five minutes in a large centre; beyond it tokens are verified each time.
     */
    static final int MAX_ENTRIES = 2_000;

    private final DefaultJWTParser delegate;
    private final VerifiedTokens verified;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public CachingJwtParser(DefaultJWTParser delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens(Clock.systemUTC(), MAX_ENTRIES, MAX_AGE);
        this.hits = counter(registry, "hit", "Requests whose bearer token was verified lately (cache)");
        this.misses = counter(registry, "verified", "Bearer tokens verified in full (signature and claims)");
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("tousu_jwt_tokens").tag("outcome", outcome).description(description).register(registry);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            hits.increment();
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        misses.increment();
        verified.put(token, parsed);
        return parsed;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
