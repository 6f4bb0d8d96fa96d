package io.tousu.quality.domain;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Decides whether a resolved complaint is inspected. High-risk complaints always are. The others are
 * stratified by agent: an agent with fewer than {@code perAgentMonthly} inspections this month gets
 * this one (so every agent is inspected every month), and beyond that a share {@code randomShare}
 * is drawn at random. The draw depends only on the seed, the complaint and the round, so the same
 * seed reproduces the same decisions.
 */
public final class Sampler {

    /** The reason of a complaint sampled by the random draw. */
    public static final String RANDOM = "RANDOM";
    /** The reason of a complaint sampled so that its agent is inspected this month. */
    public static final String AGENT_COVERAGE = "AGENT_COVERAGE";
    /** The reason recorded when a complaint is not sampled. */
    public static final String NOT_DRAWN = "NOT_DRAWN";

    /** A decision: sampled or not, its reason (the first of {@code reasons} when high-risk) and the draw. */
    public record Decision(boolean sampled, String reason, List<String> reasons, boolean highRisk, double draw) {
    }

    private final double randomShare;
    private final long seed;
    private final int perAgentMonthly;

    public Sampler(double randomShare, long seed, int perAgentMonthly) {
        if (!(randomShare >= 0 && randomShare <= 1)) {
            throw new IllegalArgumentException("tousu.quality.sampling.random-share must be 0 to 1, not " + randomShare);
        }
        if (perAgentMonthly < 0) {
            throw new IllegalArgumentException("tousu.quality.sampling.per-agent-monthly must be 0 or more");
        }
        this.randomShare = randomShare;
        this.seed = seed;
        this.perAgentMonthly = perAgentMonthly;
    }

    /**
     * @param complaintId          the complaint
     * @param round                its resolution round (reopens so far)
     * @param highRiskReasons      from {@link HighRiskRules}
     * @param agentKnown           whether the handling agent is known (coverage needs one)
     * @param agentInspectionsThisMonth inspections of the agent already sampled this month
     */
    public Decision decide(UUID complaintId, int round, List<String> highRiskReasons, boolean agentKnown,
            long agentInspectionsThisMonth) {
        double draw = draw(complaintId, round);
        if (!highRiskReasons.isEmpty()) {
            return new Decision(true, highRiskReasons.get(0), highRiskReasons, true, draw);
        }
        if (agentKnown && agentInspectionsThisMonth < perAgentMonthly) {
            return new Decision(true, AGENT_COVERAGE, List.of(AGENT_COVERAGE), false, draw);
        }
        if (draw < randomShare) {
            return new Decision(true, RANDOM, List.of(RANDOM), false, draw);
        }
        return new Decision(false, NOT_DRAWN, List.of(), false, draw);
    }

    /** A uniform number in [0, 1) fixed by the seed, the complaint and the round. */
    double draw(UUID complaintId, int round) {
        long mixed = seed ^ complaintId.getMostSignificantBits() * 31 ^ complaintId.getLeastSignificantBits()
                ^ (long) round * 0x9E3779B97F4A7C15L;
        return new SplittableRandom(mixed).nextDouble();
    }
}
