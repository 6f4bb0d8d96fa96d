package io.tousu.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.tousu.reporting.domain.Dimension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourCountsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final IndicatorFilter SEPTEMBER = new IndicatorFilter("GD", Instant.parse("2026-07-31T16:00:00Z"),
            Instant.parse("2026-09-30T16:00:00Z"), Map.of());

    @Test
    void aProvinceWithoutFiltersInAWholeHourZoneIsSummedFromTheHourCounts() {
        assertThat(IndicatorQueries.usesHourCounts(FactSource.RECEIVED, SEPTEMBER, Dimension.PROVINCE, SHANGHAI))
                .isTrue();
        assertThat(IndicatorQueries.usesHourCounts(FactSource.RESOLVED, SEPTEMBER, Dimension.PROVINCE, SHANGHAI))
                .isTrue();
        assertThat(IndicatorQueries.usesHourCounts(FactSource.FOLLOWED_UP, SEPTEMBER, Dimension.PROVINCE, SHANGHAI))
                .isTrue();
    }

    @Test
    void everythingElseCountsTheFacts() {
        assertThat(IndicatorQueries.usesHourCounts(FactSource.TICKET_ERRORS, SEPTEMBER, Dimension.PROVINCE, SHANGHAI))
                .isFalse();
        assertThat(IndicatorQueries.usesHourCounts(FactSource.RECEIVED, SEPTEMBER, Dimension.CITY, SHANGHAI)).isFalse();
        IndicatorFilter oneCity = new IndicatorFilter("GD", SEPTEMBER.from(), SEPTEMBER.to(),
                Map.of(Dimension.CITY, "Shenzhen"));
        assertThat(IndicatorQueries.usesHourCounts(FactSource.RECEIVED, oneCity, Dimension.PROVINCE, SHANGHAI)).isFalse();
        // half-hour offsets: hours do not add up to the zone's days
        assertThat(IndicatorQueries.usesHourCounts(FactSource.RECEIVED, SEPTEMBER, Dimension.PROVINCE,
                ZoneId.of("Asia/Kolkata"))).isFalse();
    }
}
