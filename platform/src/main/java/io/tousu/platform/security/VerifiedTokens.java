package io.tousu.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, by their exact text (header, claims and signature), so that an
 * agent's token is checked once rather than on every request. An entry is used only until the
 * earlier of the token's expiry and {@code maxAge} after its verification; after that the token is
 * verified again in full (signature, issuer, expiry with its clock skew). Failures are never kept,
 * and a changed byte is another token. At most {@code maxEntries} are kept: when full, expired
 * entries are dropped, and if none has expired the new token is verified but not kept.
 */
final class VerifiedTokens {

    private record Entry(JsonWebToken token, Instant until) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokens(Clock clock, int maxEntries, Duration maxAge) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** The verified token of this text, or null when it was not verified lately or has expired since. */
    JsonWebToken get(String raw) {
        Entry entry = entries.get(raw);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(raw, entry);
            return null;
        }
        return entry.token();
    }

    /** Keeps a token that has just been verified; one without an expiry, or already expired, is not kept. */
    void put(String raw, JsonWebToken token) {
        // the claim itself: getExpirationTime() fails on a token without one
        Object expiresAt = token.getClaim(Claims.exp.name());
        if (!(expiresAt instanceof Number seconds)) {
            return;
        }
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(seconds.longValue());
        Instant until = expiry.isBefore(now.plus(maxAge)) ? expiry : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(raw, new Entry(token, until));
    }

    /** How many tokens are kept. */
    int size() {
        return entries.size();
    }
}
