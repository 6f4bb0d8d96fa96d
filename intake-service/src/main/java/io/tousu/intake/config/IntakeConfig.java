package io.tousu.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Intake settings of this province's deployment. */
@ConfigMapping(prefix = "tousu.intake")
public interface IntakeConfig {

    /** Time zone of the province: ticket numbers, sensitive periods and day boundaries use local dates. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * Ticket numbers each replica reserves at a time per province and day. One counter update then
     * serves this many complaints instead of every complaint queueing on the province's counter row;
     * the numbers a replica had reserved but not used when it stops are skipped (ticket numbers are
     * unique and may have gaps). 1 takes every number from the database.
     */
    @WithDefault("20")
    @WithName("ticket-block")
    int ticketBlock();

    /** Same customer + same category within this window makes a repeat complaint (重复投诉). */
    @WithDefault("P30D")
    Duration repeatWindow();

    /** Rules that raise a complaint's priority. */
    PriorityConfig priority();

    /** Thresholds for flagging suspected malicious or bulk complaints (flagged, never dropped). */
    AbuseConfig abuse();

    /** Customer self-service (tracking page) limits. */
    TrackingConfig tracking();

    /** How submissions that arrive together share their statements (look-up, store). */
    BatchConfig batch();

    /**
     * Compensation authority (授权): the largest amount in yuan each role may grant without approval,
     * e.g. {@code tousu.intake.compensation-limit.AGENT=100}. A role not listed may grant nothing.
     */
    @WithDefault("")
    Map<String, BigDecimal> compensationLimit();

    interface PriorityConfig {

        /** Customer tiers or brands treated as premium (raise priority one level). */
        @WithDefault("GOTONE,GOLD,PLATINUM,DIAMOND")
        List<String> premiumTiers();

        /** Words in a description that mean public or regulatory exposure: at least HIGH. */
        @WithDefault("媒体,记者,曝光,律师,起诉,法院,工信部,通管局,消协,12315,3.15,315,media,journalist,lawyer,court,regulator")
        List<String> sensitiveWords();

        /** Sensitive periods as month-day ranges {@code MM-dd/MM-dd} (inclusive): one level higher. */
        @WithDefault("03-08/03-20")
        List<String> sensitivePeriods();
    }

    interface AbuseConfig {

        /** Complaints from one number within {@link #window()} at which it counts as flooding. */
        @WithDefault("5")
        int floodThreshold();

        /** Distinct numbers sending the same text within {@link #window()} at which it counts as bulk. */
        @WithDefault("5")
        int bulkTextThreshold();

        /** The window both checks look back over. */
        @WithDefault("PT24H")
        Duration window();
    }

    /**
     * Group commit of new complaints: while {@link #maxInFlight()} statements of a kind run, the
     * submissions that arrive wait and the next statement takes up to {@link #maxSize()} of them. A
     * submission alone never waits; under load one statement and one commit serve many (at 500/s on
     * two cores this halved the database's CPU per complaint). 1 and 1 would run them one at a time.
     */
    interface BatchConfig {

        /** Most submissions one look-up or one store takes. */
        @WithDefault("64")
        int maxSize();

        /** Most look-ups, and most stores, running at once (per replica). */
        @WithDefault("2")
        int maxInFlight();
    }

    interface TrackingConfig {

        /** Failed look-ups of one ticket within {@link #failureWindow()} before further tries get 429. */
        @WithDefault("5")
        int maxFailures();

        /** Failed look-ups from one client address (any ticket) within the window before 429. */
        @WithDefault("20")
        int maxFailuresPerClient();

        /** The window failed look-ups are counted over. */
        @WithDefault("PT15M")
        Duration failureWindow();

        /** Urges of one complaint within this window count once (催单 de-duplication). */
        @WithDefault("PT10M")
        Duration urgeDedupWindow();
    }
}
