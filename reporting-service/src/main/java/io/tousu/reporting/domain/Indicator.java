package io.tousu.reporting.domain;

import static io.tousu.reporting.domain.Measure.AUDITED;
import static io.tousu.reporting.domain.Measure.COMPLAINTS;
import static io.tousu.reporting.domain.Measure.CUSTOMERS;
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

import java.math.BigDecimal;
import java.util.List;

/**
 * The indicators of the monthly monitoring table (关键投诉指标监控表), in table order: the six key
 * indicators first. Formulas as in DOMAIN.md ("Reporting"); rounding as in {@link IndicatorMath}.
 */
public enum Indicator {

    /** (tickets − ticket errors) / tickets × 100%. */
    TICKET_ACCURACY_RATE("投诉工单正确率", "Ticket accuracy rate", Unit.PERCENT, true, COMPLAINTS, TICKET_ERRORS),
    /** substantiated complaints / manual calls × 10,000. */
    VALID_COMPLAINTS_PER_10K_CALLS("万客户有理投诉占比", "Valid complaints per 10k calls", Unit.PER_10K_CALLS, true,
            SUBSTANTIATED, MANUAL_CALLS),
    /** substantiated complaints with staff responsibility. */
    SUBSTANTIATED_STAFF_COMPLAINTS("人员投诉成立量", "Substantiated staff complaints", Unit.COUNT, true,
            STAFF_SUBSTANTIATED),
    /** resolved without hand-off, reopen or repeat / resolved × 100%. */
    FIRST_CONTACT_RESOLUTION_RATE("一次解决率", "First-contact resolution rate", Unit.PERCENT, true,
            FIRST_CONTACT, RESOLVED),
    /** resolved within the resolution SLA / resolved × 100%. */
    ON_TIME_RESOLUTION_RATE("及时解决率", "On-time resolution rate", Unit.PERCENT, true, ON_TIME, RESOLVED),
    /** satisfied / followed up × 100%. */
    FOLLOW_UP_SATISFACTION("回访满意度", "Follow-up satisfaction", Unit.PERCENT, true, SATISFIED, FOLLOWED_UP),
    /** complaints received. */
    COMPLAINT_VOLUME("投诉量", "Complaint volume", Unit.COUNT, false, COMPLAINTS),
    /** repeat complaints / complaints × 100%. */
    REPEAT_COMPLAINT_RATE("重复投诉率", "Repeat-complaint rate", Unit.PERCENT, false, REPEATS, COMPLAINTS),
    /** regulator-channel complaints / complaints × 100%. */
    REGULATOR_ESCALATION_RATE("越级申诉率", "Regulator escalation rate", Unit.PERCENT, false, REGULATOR, COMPLAINTS),
    /**
     * regulator-channel complaints / customers × 10,000: the same escalations against the size of the
     * province, so that provinces (and months of a growing base) compare; only a whole province has one.
     */
    REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS("万客户越级申诉率", "Regulator complaints per 10k customers",
            Unit.PER_10K_CUSTOMERS, false, REGULATOR, CUSTOMERS),
    /** risk hits / audited tickets × 100%. */
    RISK_ANOMALY_RATE("风险异常率", "Risk anomaly rate", Unit.PERCENT, false, RISK_HITS, AUDITED);

    private final String nameZh;
    private final String nameEn;
    private final Unit unit;
    private final boolean key;
    private final List<Measure> measures;

    Indicator(String nameZh, String nameEn, Unit unit, boolean key, Measure... measures) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.unit = unit;
        this.key = key;
        this.measures = List.of(measures);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Unit unit() {
        return unit;
    }

    /** One of the six key indicators (关键指标). */
    public boolean key() {
        return key;
    }

    /** The measures the figure is computed from, for drill-down: numerator first, then denominator. */
    public List<Measure> measures() {
        return measures;
    }

    /** The figure from the counts of one scope and period. */
    public Figure compute(MeasureCounts c) {
        return switch (this) {
            case TICKET_ACCURACY_RATE -> {
                long tickets = c.get(COMPLAINTS);
                long correct = tickets - c.get(TICKET_ERRORS);
                yield new Figure(IndicatorMath.percent(correct, tickets), correct, tickets);
            }
            case VALID_COMPLAINTS_PER_10K_CALLS -> c.callsKnown()
                    ? new Figure(IndicatorMath.per10k(c.get(SUBSTANTIATED), c.get(MANUAL_CALLS)), c.get(SUBSTANTIATED),
                            c.get(MANUAL_CALLS))
                    : new Figure(null, c.get(SUBSTANTIATED), null);
            case REGULATOR_COMPLAINTS_PER_10K_CUSTOMERS -> c.known(CUSTOMERS)
                    ? new Figure(IndicatorMath.per10k(c.get(REGULATOR), c.get(CUSTOMERS)), c.get(REGULATOR),
                            c.get(CUSTOMERS))
                    : new Figure(null, c.get(REGULATOR), null);
            case SUBSTANTIATED_STAFF_COMPLAINTS, COMPLAINT_VOLUME -> count(c.get(measures.get(0)));
            default -> rate(c.get(measures.get(0)), c.get(measures.get(1)));
        };
    }

    private static Figure count(long n) {
        return new Figure(BigDecimal.valueOf(n), n, null);
    }

    private static Figure rate(long part, long whole) {
        return new Figure(IndicatorMath.percent(part, whole), part, whole);
    }
}
