package io.tousu.localstack.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a provincial centre's day is made of: which channels complaints come through, about what,
 * from which cities and customers, and what then happens to each. Pure: every draw comes from the
 * {@link Random} given, so a seeded one gives the same traffic.
 */
final class TrafficMix {

    /** The city of the outage burst. */
    static final String OUTAGE_CITY = "Foshan";
    /** The category of the outage burst. */
    static final String OUTAGE_CATEGORY = "NETWORK_QUALITY";

    /** Share of complaints that repeat an earlier customer's complaint (same number, same category). */
    static final double REPEAT_SHARE = 0.10;
    /** Share of handled complaints whose customer urges once. */
    static final double URGE_SHARE = 0.10;
    /** Share of unhandled complaints whose customer urges (and urges again 10 minutes later). */
    static final double UNHANDLED_URGE_SHARE = 0.6;
    /** Share of substantiated resolutions that grant compensation. */
    static final double COMPENSATION_SHARE = 0.3;
    /** Share of compensations above an agent's authority (100 yuan), which a supervisor approves. */
    static final double LARGE_COMPENSATION_SHARE = 0.25;

    static final Weighted<String> CHANNELS = Weighted.of("HOTLINE", 45, "APP", 14, "WECHAT", 12, "WEB", 8,
            "STORE", 8, "SMS", 6, "EMAIL", 2, "REGULATOR", 3, "MEDIA", 2);

    static final Weighted<String> CITIES = Weighted.of("Guangzhou", 28, "Shenzhen", 26, "Dongguan", 12,
            OUTAGE_CITY, 11, "Huizhou", 7, "Zhuhai", 6, "Shantou", 6, "Zhanjiang", 4);

    static final Weighted<String> TIERS = Weighted.of("STANDARD", 62, "GOTONE", 18, "GOLD", 12, "PLATINUM", 6,
            "DIAMOND", 2);

    /** What happens to a new complaint. */
    enum Handling {
        /** assigned, started, resolved, followed up */
        RESOLVE,
        /** as RESOLVE, but handed off to the back office and back first */
        HAND_OFF,
        /** as RESOLVE, but waits for the customer a while first */
        WAIT_FOR_CUSTOMER,
        /** nobody picks it up: its clocks run out and it escalates */
        UNHANDLED
    }

    static final Weighted<Handling> HANDLING = Weighted.of(Handling.RESOLVE, 65, Handling.HAND_OFF, 15,
            Handling.WAIT_FOR_CUSTOMER, 8, Handling.UNHANDLED, 12);

    /** The follow-up visit's answer. */
    enum FollowUpAnswer {
        SATISFIED, RESOLVED_NOT_SATISFIED, NOT_RESOLVED
    }

    static final Weighted<FollowUpAnswer> FOLLOW_UP = Weighted.of(FollowUpAnswer.SATISFIED, 80,
            FollowUpAnswer.RESOLVED_NOT_SATISFIED, 8, FollowUpAnswer.NOT_RESOLVED, 12);

    static final Weighted<String> RESPONSIBILITY = Weighted.of("PROCESS", 25, "SYSTEM", 25, "NETWORK", 20,
            "PARTNER", 15, "STAFF", 15);

    /** Share of resolutions that find the complaint justified. */
    static final double SUBSTANTIATED_SHARE = 0.55;

    /** A resolution as the resolve action takes it. */
    record Resolution(boolean substantiated, String responsibility, String resolutionCode, BigDecimal compensation) {

        boolean needsApproval() {
            return compensation != null && compensation.compareTo(BigDecimal.valueOf(100)) > 0;
        }
    }

    private final Weighted<String> categories;

    /** A mix over the active category codes of the taxonomy; the usual big ones weigh more. */
    TrafficMix(List<String> categoryCodes) {
        if (categoryCodes.isEmpty()) {
            throw new IllegalArgumentException("the taxonomy has no active category");
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String code : categoryCodes) {
            weights.put(code, switch (code) {
                case "BILLING_DISPUTE" -> 6.0;
                case "NETWORK_QUALITY", "DATA_USAGE_DISPUTE" -> 4.0;
                case "VALUE_ADDED_SP", "MARKETING_VIOLATION" -> 3.0;
                default -> 2.0;
            });
        }
        categories = new Weighted<>(weights);
    }

    String category(Random random) {
        return categories.draw(random);
    }

    double categoryShare(String code) {
        return categories.share(code);
    }

    Resolution resolution(Random random) {
        if (random.nextDouble() >= SUBSTANTIATED_SHARE) {
            return new Resolution(false, "NONE", random.nextBoolean() ? "EXPLAINED" : "NO_FAULT_FOUND", null);
        }
        String responsibility = RESPONSIBILITY.draw(random);
        BigDecimal compensation = null;
        String code = switch (responsibility) {
            case "NETWORK" -> "NETWORK_FIXED";
            case "SYSTEM" -> "REFUND";
            case "PARTNER" -> "SP_CANCELLED";
            case "STAFF" -> "APOLOGY";
            default -> "PROCESS_FIXED";
        };
        if (random.nextDouble() < COMPENSATION_SHARE) {
            int yuan = random.nextDouble() < LARGE_COMPENSATION_SHARE ? 150 + random.nextInt(650) : 5 + random.nextInt(96);
            compensation = BigDecimal.valueOf(yuan).setScale(2);
            code = "COMPENSATION";
        }
        return new Resolution(true, responsibility, code, compensation);
    }

    /** A mobile number of the demo: 13 or 15 or 18, then nine digits. */
    static String msisdn(Random random) {
        String prefix = switch (random.nextInt(3)) {
            case 0 -> "138";
            case 1 -> "159";
            default -> "186";
        };
        return prefix + String.format("%08d", random.nextInt(100_000_000));
    }

    /** {@code 138****5678}: what the demo prints of a number. */
    static String masked(String msisdn) {
        return msisdn.length() < 8 ? "****" : msisdn.substring(0, 3) + "****" + msisdn.substring(msisdn.length() - 4);
    }

    /** A customer's words for a complaint of {@code category}. */
    static String description(String category, String city, Random random) {
        String[] phrases = switch (category) {
            case "BILLING_DISPUTE" -> new String[] {"本月被扣了两次月租费", "charged for a package I never ordered",
                "话费账单比平时多了一百多元"};
            case "NETWORK_QUALITY" -> new String[] {"家里没有信号，电话打不出去", "4G/5G 网速很慢，视频一直卡",
                "no signal at home since this morning"};
            case "DATA_USAGE_DISPUTE" -> new String[] {"流量两天就用完了，不合理", "data ran out in two days"};
            default -> new String[] {"问题一直没有解决，请尽快处理", "I called three times and nothing happened",
                "希望尽快给我一个答复"};
        };
        return phrases[random.nextInt(phrases.length)] + " (" + city + ")";
    }
}
