package io.tousu.reporting.domain;

import static io.tousu.reporting.domain.Measure.AUDITED;
import static io.tousu.reporting.domain.Measure.COMPLAINTS;
import static io.tousu.reporting.domain.Measure.FIRST_CONTACT;
import static io.tousu.reporting.domain.Measure.FOLLOWED_UP;
import static io.tousu.reporting.domain.Measure.MANUAL_CALLS;
import static io.tousu.reporting.domain.Measure.ON_TIME;
import static io.tousu.reporting.domain.Measure.REGULATOR;
import static io.tousu.reporting.domain.Measure.REPEATS;
import static io.tousu.reporting.domain.Measure.RESOLVED;
import static io.tousu.reporting.domain.Measure.RISK_HITS;
import static io.tousu.reporting.domain.Measure.SATISFIED;
import static io.tousu.reporting.domain.Measure.STAFF_SUBSTANTIATED;
import static io.tousu.reporting.domain.Measure.SUBSTANTIATED;
import static io.tousu.reporting.domain.Measure.TICKET_ERRORS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorTest {

    /** A September like the seeds' (98.88%, 0.17 per 10k) against an August like their January. */
    private static final MeasureCounts SEPTEMBER = MeasureCounts.of(Map.ofEntries(
            Map.entry(COMPLAINTS, 10_000L), Map.entry(TICKET_ERRORS, 112L), Map.entry(SUBSTANTIATED, 17L),
            Map.entry(MANUAL_CALLS, 1_000_000L), Map.entry(STAFF_SUBSTANTIATED, 4L), Map.entry(RESOLVED, 9_000L),
            Map.entry(FIRST_CONTACT, 7_650L), Map.entry(ON_TIME, 8_991L), Map.entry(FOLLOWED_UP, 3_000L),
            Map.entry(SATISFIED, 2_901L), Map.entry(REPEATS, 250L), Map.entry(REGULATOR, 12L),
            Map.entry(AUDITED, 5_760L), Map.entry(RISK_HITS, 8L)));
    private static final MeasureCounts AUGUST = MeasureCounts.of(Map.of(
            COMPLAINTS, 10_000L, TICKET_ERRORS, 128L, SUBSTANTIATED, 37L, MANUAL_CALLS, 1_000_000L,
            STAFF_SUBSTANTIATED, 5L));

    @Test
    void theSixKeyIndicatorsComeFirst() {
        assertThat(List.of(Indicator.values()).subList(0, 6)).allMatch(Indicator::key);
        assertThat(List.of(Indicator.values()).subList(6, Indicator.values().length)).noneMatch(Indicator::key);
    }

    @Test
    void everyFormulaOfTheDomainTable() {
        assertThat(figure(Indicator.TICKET_ACCURACY_RATE)).isEqualTo(new Figure(new BigDecimal("98.88"), 9_888, 10_000L));
        assertThat(figure(Indicator.VALID_COMPLAINTS_PER_10K_CALLS))
                .isEqualTo(new Figure(new BigDecimal("0.17"), 17, 1_000_000L));
        assertThat(figure(Indicator.SUBSTANTIATED_STAFF_COMPLAINTS)).isEqualTo(new Figure(BigDecimal.valueOf(4), 4, null));
        assertThat(figure(Indicator.FIRST_CONTACT_RESOLUTION_RATE).value()).isEqualTo(new BigDecimal("85.00"));
        assertThat(figure(Indicator.ON_TIME_RESOLUTION_RATE).value()).isEqualTo(new BigDecimal("99.90"));
        assertThat(figure(Indicator.FOLLOW_UP_SATISFACTION).value()).isEqualTo(new BigDecimal("96.70"));
        assertThat(figure(Indicator.COMPLAINT_VOLUME).value()).isEqualTo(BigDecimal.valueOf(10_000));
        assertThat(figure(Indicator.REPEAT_COMPLAINT_RATE).value()).isEqualTo(new BigDecimal("2.50"));
        assertThat(figure(Indicator.REGULATOR_ESCALATION_RATE).value()).isEqualTo(new BigDecimal("0.12"));
        assertThat(figure(Indicator.RISK_ANOMALY_RATE).value()).isEqualTo(new BigDecimal("0.14"));
    }

    @Test
    void comparisonWithThePreviousMonth() {
        List<IndicatorComparison> rows = IndicatorComparison.all(SEPTEMBER, AUGUST);
        IndicatorComparison per10k = rows.get(1);
        assertThat(per10k.indicator()).isEqualTo(Indicator.VALID_COMPLAINTS_PER_10K_CALLS);
        assertThat(per10k.previous().value()).isEqualTo(new BigDecimal("0.37"));
        assertThat(per10k.difference()).isEqualTo(new BigDecimal("-0.20"));
        assertThat(per10k.change()).isEqualTo(new BigDecimal("-54.05"));
        IndicatorComparison accuracy = rows.get(0);
        assertThat(accuracy.change()).isEqualTo(new BigDecimal("0.16"));
        IndicatorComparison staff = rows.get(2);
        assertThat(staff.change()).isEqualTo(new BigDecimal("-20.00"));
        // nothing resolved in August: first-contact rate undefined, so no change either
        assertThat(rows.get(3).previous().value()).isNull();
        assertThat(rows.get(3).change()).isNull();
    }

    @Test
    void withoutACallVolumeOfItsOwnPer10kIsUndefinedRatherThanZero() {
        MeasureCounts team = MeasureCounts.of(Map.of(SUBSTANTIATED, 3L));
        assertThat(Indicator.VALID_COMPLAINTS_PER_10K_CALLS.compute(team)).isEqualTo(new Figure(null, 3, null));
        MeasureCounts noCalls = MeasureCounts.of(Map.of(SUBSTANTIATED, 3L, MANUAL_CALLS, 0L));
        assertThat(Indicator.VALID_COMPLAINTS_PER_10K_CALLS.compute(noCalls)).isEqualTo(new Figure(null, 3, 0L));
    }

    @Test
    void regulatorComplaintsPer10kCustomersNeedTheProvincesCustomerBase() {
        // 1,234 regulator complaints among 41,000,000 customers: 0.30097.. -> 0.30
        MeasureCounts province = MeasureCounts.of(Map.of(Measure.REGULATOR, 1_234L, Measure.CUSTOMERS, 41_000_000L));
        assertThat(Indicator.REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS.compute(province))
                .isEqualTo(new Figure(new BigDecimal("0.30"), 1_234, 41_000_000L));
        MeasureCounts noBase = MeasureCounts.of(Map.of(Measure.REGULATOR, 7L));
        assertThat(Indicator.REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS.compute(noBase)).isEqualTo(new Figure(null, 7, null));
        assertThat(Indicator.REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS.unit()).isEqualTo(Unit.PER_10K_CUSTOMERS);
    }

    private static Figure figure(Indicator indicator) {
        return indicator.compute(SEPTEMBER);
    }
}
