package io.tousu.escalation.domain;

import java.util.Set;

/**
 * The tunable rules of escalation beyond the policies' deadlines.
 *
 * @param urgesToEscalate  from this many urges (催单) on, every urge escalates one level; 0 never
 * @param repeatEscalates  whether a repeat complaint (二次投诉) starts at the first level
 * @param riskThreshold    a regulator-risk score from which {@code RegulatorRiskRaised} is raised (once)
 * @param riskyCategories  categories that often reach the regulator (add to the risk score)
 */
public record EscalationRules(int urgesToEscalate, boolean repeatEscalates, int riskThreshold,
        Set<String> riskyCategories) {
}
