package io.tousu.reporting.domain;

/** The unit an indicator is expressed in. */
public enum Unit {
    /** A percentage with two decimals, e.g. 98.72 for 98.72%. */
    PERCENT("%", "%"),
    /** Per 10,000 manual calls, two decimals. */
    PER_10K_CALLS("每万话务", "per 10k calls"),
    /** Per 10,000 customers of the province, two decimals. */
    PER_10K_CUSTOMERS("每万客户", "per 10k customers"),
    /** A plain count. */
    COUNT("件", "count");

    private final String nameZh;
    private final String nameEn;

    Unit(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
