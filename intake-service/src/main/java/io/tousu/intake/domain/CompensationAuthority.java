package io.tousu.intake.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Compensation authority (授权): each role may grant refunds or compensation up to its limit; above
 * it the resolution waits for approval by someone whose limit covers the amount.
 *
 * @param limits the largest amount in yuan per role; a role not listed may grant nothing
 */
public record CompensationAuthority(Map<ActorRole, BigDecimal> limits) {

    public CompensationAuthority {
        limits = Map.copyOf(limits);
    }

    /** The most {@code role} may grant alone. */
    public BigDecimal limitOf(ActorRole role) {
        return limits.getOrDefault(role, BigDecimal.ZERO);
    }

    /** True when {@code role} may grant {@code amount} (null or zero: nothing to grant). */
    public boolean covers(ActorRole role, BigDecimal amount) {
        return amount == null || amount.signum() == 0 || amount.compareTo(limitOf(role)) <= 0;
    }
}
