package io.tousu.quality.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tousu.quality.config.QualityConfig;
import io.tousu.quality.repository.ComplaintFactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Agents and teams whose share of tickets with a ticket error, or with a risk hit, is abnormal
 * versus their peers this month, flagged for intervention (绩效干预). The statistic is
 * {@link PeerOutliers}; a ticket counts for the agent who handled it (resolver, else owner) and that
 * agent's team, in the month it was finished.
 */
@ApplicationScoped
public class Flags {

    /** What is compared. */
    public enum Measure { TICKET_ERRORS, RISK_HITS }

    /** Agent or team. */
    public enum Level { AGENT, TEAM }

    /** A unit's judgement on one measure. */
    public record Flag(Level level, String id, Measure measure, PeerOutliers.Judgement judgement) {
    }

    /** Every unit's judgements and the parameters used. */
    public record Result(String province, String month, int minVolume, double zThreshold, List<Flag> all) {

        public List<Flag> flagged() {
            return all.stream().filter(f -> f.judgement().flagged()).toList();
        }
    }

    private final ComplaintFactRepository facts;
    private final QualityConfig config;
    private final QualityMetrics metrics;

    public Flags(ComplaintFactRepository facts, QualityConfig config, QualityMetrics metrics) {
        this.facts = facts;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Result> of(String province, String month) {
        int minVolume = config.flags().minVolume();
        double z = config.flags().zThreshold();
        return Panache.withSession(() -> facts.byAgent(province, month)
                .flatMap(agents -> facts.byTeam(province, month).map(teams -> {
                    List<Flag> all = new ArrayList<>();
                    judge(all, Level.AGENT, agents, minVolume, z);
                    judge(all, Level.TEAM, teams, minVolume, z);
                    Result r = new Result(province, month, minVolume, z, List.copyOf(all));
                    metrics.flags(province, month, r.flagged());
                    return r;
                })));
    }

    private static void judge(List<Flag> out, Level level, List<ComplaintFactRepository.Counts> counts, int minVolume,
            double z) {
        add(out, level, Measure.TICKET_ERRORS, counts, ComplaintFactRepository.Counts::withError, minVolume, z);
        add(out, level, Measure.RISK_HITS, counts, ComplaintFactRepository.Counts::withHit, minVolume, z);
    }

    private static void add(List<Flag> out, Level level, Measure measure, List<ComplaintFactRepository.Counts> counts,
            ToLongFunction<ComplaintFactRepository.Counts> events, int minVolume, double z) {
        List<PeerOutliers.Unit> units = counts.stream()
                .map(c -> new PeerOutliers.Unit(c.id(), c.tickets(), events.applyAsLong(c))).toList();
        for (PeerOutliers.Judgement j : PeerOutliers.judge(units, minVolume, z)) {
            out.add(new Flag(level, j.id(), measure, j));
        }
    }
}
