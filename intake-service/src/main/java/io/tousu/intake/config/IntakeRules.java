package io.tousu.intake.config;

import io.tousu.intake.domain.AbuseRules;
import io.tousu.intake.domain.ActorRole;
import io.tousu.intake.domain.CompensationAuthority;
import io.tousu.intake.domain.MonthDayRange;
import io.tousu.intake.domain.PriorityRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;

/** Builds the plain-Java rule objects from {@link IntakeConfig}; a bad setting fails the start. */
@ApplicationScoped
public class IntakeRules {

    @Produces
    @Singleton
    PriorityRules priorityRules(IntakeConfig config) {
        IntakeConfig.PriorityConfig p = config.priority();
        return new PriorityRules(new HashSet<>(p.premiumTiers()), p.sensitiveWords(),
                p.sensitivePeriods().stream().map(MonthDayRange::parse).toList());
    }

    @Produces
    @Singleton
    AbuseRules abuseRules(IntakeConfig config) {
        return new AbuseRules(config.abuse().floodThreshold(), config.abuse().bulkTextThreshold());
    }

    @Produces
    @Singleton
    CompensationAuthority compensationAuthority(IntakeConfig config) {
        Map<ActorRole, BigDecimal> limits = new EnumMap<>(ActorRole.class);
        config.compensationLimit().forEach((role, limit) -> {
            try {
                limits.put(ActorRole.valueOf(role.toUpperCase(Locale.ROOT)), limit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tousu.intake.compensation-limit." + role
                        + ": not a role; use one of " + java.util.Arrays.toString(ActorRole.values()), e);
            }
        });
        return new CompensationAuthority(limits);
    }
}
