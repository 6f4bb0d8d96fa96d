package io.tousu.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompensationAuthorityTest {

    private final CompensationAuthority authority = new CompensationAuthority(
            Map.of(ActorRole.AGENT, new BigDecimal("100"), ActorRole.SUPERVISOR, new BigDecimal("2000")));

    @Test
    void aRoleMayGrantUpToItsLimit() {
        assertThat(authority.covers(ActorRole.AGENT, new BigDecimal("100.00"))).isTrue();
        assertThat(authority.covers(ActorRole.AGENT, new BigDecimal("100.01"))).isFalse();
        assertThat(authority.covers(ActorRole.SUPERVISOR, new BigDecimal("150"))).isTrue();
    }

    @Test
    void noCompensationNeedsNoAuthorityAndUnlistedRolesGrantNothing() {
        assertThat(authority.covers(ActorRole.CHANNEL, null)).isTrue();
        assertThat(authority.covers(ActorRole.CHANNEL, BigDecimal.ZERO)).isTrue();
        assertThat(authority.covers(ActorRole.CHANNEL, BigDecimal.ONE)).isFalse();
        assertThat(authority.limitOf(ActorRole.CHANNEL)).isEqualByComparingTo("0");
    }
}
