package io.tousu.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallVolumesTest {

    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate SEP_2 = LocalDate.of(2026, 9, 2);
    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    @Test
    void aProvinceWideReportIsTheDaysTotalOtherwiseTheCitiesAddUp() {
        List<DailyCalls> reports = List.of(
                new DailyCalls(SEP_1, "", 1_000),
                new DailyCalls(SEP_1, "Shenzhen", 600),
                new DailyCalls(SEP_2, "Shenzhen", 600),
                new DailyCalls(SEP_2, "Guangzhou", 300),
                new DailyCalls(OCT_1, "Guangzhou", 50));
        assertThat(CallVolumes.province(reports, Granularity.DAY))
                .isEqualTo(Map.of(SEP_1, 1_000L, SEP_2, 900L, OCT_1, 50L));
        assertThat(CallVolumes.province(reports, Granularity.MONTH))
                .isEqualTo(Map.of(SEP_1, 1_900L, OCT_1, 50L));
        assertThat(CallVolumes.byCity(reports, Granularity.MONTH)).isEqualTo(Map.of(
                "Shenzhen", Map.of(SEP_1, 1_200L),
                "Guangzhou", Map.of(SEP_1, 300L, OCT_1, 50L)));
    }
}
