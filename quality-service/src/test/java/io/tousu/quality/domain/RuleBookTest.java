package io.tousu.quality.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tousu.events.EventCodec;
import io.tousu.events.EventEnvelope;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rule language, the seeded rules and how they judge complaint histories. */
class RuleBookTest {

    private static final RuleBook SEEDED = SeedRules.book();
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    /** Every hit of the seeded rules over the complaint's events, fed one by one in time order. */
    static List<RuleBook.Finding> findings(RuleBook book, Lifecycle c) {
        List<EventEnvelope> ordered = c.events().stream().sorted(Comparator.comparing(EventEnvelope::occurredAt))
                .toList();
        List<RuleBook.Finding> all = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            List<EventEnvelope> sofar = ordered.subList(0, i + 1);
            all.addAll(book.evaluate(RuleContext.of(ordered.get(i), sofar, ComplaintHistory.of(sofar))));
        }
        return all;
    }

    static Set<String> codes(Lifecycle c) {
        return findings(SEEDED, c).stream().map(f -> f.rule().code()).collect(Collectors.toSet());
    }

    private static Lifecycle complaint(String category) {
        return new Lifecycle("GD", T0).received("HOTLINE", category, false).assigned(h(0), "ag-1", "team-1")
                .started(h(1));
    }

    @Test
    void theSeedHasAtLeastTwelveValidRulesInEveryMinefield() {
        List<RuleBook.Definition> seeds = SeedRules.definitions();
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(12);
        seeds.forEach(d -> assertThat(RuleBook.check(d)).as(d.code()).isEmpty());
        assertThat(seeds.stream().map(RuleBook.Definition::minefield).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Arrays.stream(Minefield.values()).map(Enum::name).toArray(String[]::new));
        assertThat(seeds.stream().map(RuleBook.Definition::code).distinct()).hasSize(seeds.size());
    }

    @Test
    void compensationAboveAuthorityWithoutApprovalIsAHitAndWithApprovalIsNot() {
        assertThat(codes(complaint("BILLING_DISPUTE").resolved(h(3), "ag-1", true, "SYSTEM", new BigDecimal("150"),
                false, "refunded"))).containsExactly("OV_COMPENSATION_ABOVE_AUTHORITY");
        assertThat(codes(complaint("BILLING_DISPUTE").resolved(h(3), "ag-1", true, "SYSTEM", new BigDecimal("150"),
                true, "refunded"))).isEmpty();
        assertThat(codes(complaint("BILLING_DISPUTE").resolved(h(3), "ag-1", true, "SYSTEM", new BigDecimal("100"),
                false, "refunded"))).isEmpty();
        assertThat(codes(complaint("BILLING_DISPUTE").resolved(h(3), "ag-1", true, "SYSTEM", new BigDecimal("2500"),
                true, "refunded"))).containsExactly("OV_COMPENSATION_ABOVE_SUPERVISOR_LIMIT");
    }

    @Test
    void aFullPhoneNumberInANoteIsAHitWhoseEvidenceIsMasked() {
        Lifecycle c = complaint("OTHER").note(h(2), "ag-1", "customer asks for a call on 13812345678 tonight");
        List<RuleBook.Finding> f = findings(SEEDED, c);
        assertThat(f).extracting(x -> x.rule().code()).containsExactly("IS_FULL_PHONE_IN_NOTE");
        String evidence = Evidence.mask(String.join("; ", f.get(0).matched()));
        assertThat(evidence).contains("138****5678").doesNotContain("13812345678");
        assertThat(codes(complaint("OTHER").note(h(2), "ag-1", "call 138****5678 back"))).isEmpty();
        assertThat(codes(complaint("OTHER").note(h(2), "ag-1", "order 2026111312345678 refunded"))).isEmpty();
    }

    @Test
    void aForcedSubscriptionSubstantiatedAgainstStaffCrossesTheRedLine() {
        assertThat(codes(complaint("MARKETING_VIOLATION").resolved(h(3), "ag-1", true, "STAFF", null)))
                .containsExactly("RL_FORCED_PRACTICE_SUBSTANTIATED");
        assertThat(codes(complaint("MARKETING_VIOLATION").resolved(h(3), "ag-1", true, "PARTNER", null))).isEmpty();
        assertThat(codes(complaint("MARKETING_VIOLATION").resolved(h(3), "ag-1", false, "STAFF", null))).isEmpty();
    }

    @Test
    void aBackOfficeHandOffUnansweredPastItsDeadlineIsAHitOnTheBrokenPromise() {
        Lifecycle late = complaint("BILLING_DISPUTE").promise(h(1), "p1", "ag-1", h(26)).handedOff(h(2), "ag-1",
                "back-1").broken(h(28), "p1", T0.plus(h(27)));
        assertThat(codes(late)).containsExactlyInAnyOrder("PE_BACK_OFFICE_HAND_OFF_UNANSWERED", "PE_PROMISE_BROKEN");
        Lifecycle answered = complaint("BILLING_DISPUTE").promise(h(1), "p1", "ag-1", h(26)).handedOff(h(2), "ag-1",
                "back-1").handedBack(h(10), "ag-1", "team-1").broken(h(28), "p1", T0.plus(h(27)));
        assertThat(codes(answered)).containsExactly("PE_PROMISE_BROKEN");
    }

    @Test
    void aSwapOfPhoneOrSimWithoutASystemCheckIsAHit() {
        assertThat(codes(complaint("NETWORK_QUALITY").note(h(2), "ag-1", "told the customer to swap the SIM")))
                .containsExactly("OV_SWAP_WITHOUT_SYSTEM_CHECK");
        assertThat(codes(complaint("NETWORK_QUALITY").note(h(2), "ag-1", "建议客户换卡")))
                .containsExactly("OV_SWAP_WITHOUT_SYSTEM_CHECK");
        assertThat(codes(complaint("NETWORK_QUALITY").note(h(1), "ag-1", "系统查询: no network fault on the cell")
                .note(h(2), "ag-1", "told the customer to swap the SIM"))).isEmpty();
    }

    @Test
    void closingWithoutAFollowUpAndResolvingWithoutWorkAreProcessErrors() {
        assertThat(codes(complaint("OTHER").resolved(h(3), "ag-1", false, "NONE", null).closed(h(4))))
                .containsExactly("PE_CLOSED_WITHOUT_FOLLOW_UP");
        assertThat(codes(complaint("OTHER").resolved(h(3), "ag-1", false, "NONE", null).followedUp(h(4), true)
                .closed(h(5)))).isEmpty();
        Lifecycle unworked = new Lifecycle("GD", T0).received("HOTLINE", "OTHER", false)
                .assigned(h(0), "ag-1", "team-1").resolved(h(5), "ag-1", false, "NONE", null);
        assertThat(codes(unworked)).containsExactlyInAnyOrder("OV_RESOLVED_WITHOUT_CONTACT", "PE_FIRST_CONTACT_LATE");
    }

    @Test
    void aHandledComplaintWithoutMishapsHitsNothing() {
        Lifecycle clean = complaint("BILLING_DISPUTE").promise(h(1), "p1", "ag-1", h(4)).kept(h(3), "p1")
                .resolved(h(4), "ag-1", true, "SYSTEM", new BigDecimal("30")).followedUp(h(20), true).closed(h(21));
        assertThat(findings(SEEDED, clean)).isEmpty();
    }

    @Test
    void anInvalidRuleIsRefusedNamingEveryWrongMember() throws IOException {
        RuleBook.Definition bad = new RuleBook.Definition("BAD_RULE", "bad", "MINE_SWEEPING", "HIGH", null,
                List.of("NoteAdded", "NoteDeleted"), json("""
                        {"all":[{"field":"txt","op":"regex","value":"x"}]}"""));
        assertThat(RuleBook.check(bad)).extracting(Inconsistency::field)
                .containsExactly("minefield", "eventTypes[1]");
        List<Inconsistency> p = RuleBook.check(rule(json("""
                {"all":[{"field":"txt","op":"eq","value":"x"},
                        {"field":"text","op":"like","value":"x"},
                        {"field":"text","op":"regex","value":"(unclosed"},
                        {"field":"text","op":"gt","value":3},
                        {"field":"complaint.colour","op":"eq","value":"red"},
                        {"history":"MOON_PHASE"},
                        {"history":"BACK_OFFICE_HAND_OFF_UNANSWERED","within":"a day"},
                        {"field":"text","op":"exists","value":true,"extra":1}]}""")));
        assertThat(p).extracting(Inconsistency::field).containsExactly("condition.all[0].field",
                "condition.all[1].op", "condition.all[2].value", "condition.all[3].value", "condition.all[4].field",
                "condition.all[5].history", "condition.all[6].within", "condition.all[7].extra");
        assertThat(p.get(0).reason()).contains("unknown field 'txt'");
        assertThat(p.get(1).reason()).contains("unknown operator");
        assertThat(p.get(2).reason()).contains("not a valid regular expression");
        assertThat(RuleBook.check(rule(null))).extracting(Inconsistency::field).containsExactly("condition");
        assertThat(RuleBook.check(rule(json("{\"any\":[]}")))).extracting(Inconsistency::field)
                .containsExactly("condition.any");
        assertThat(RuleBook.check(rule(json("{\"field\":\"text\",\"op\":\"regex\",\"value\":\"\\\\d{11}\"}"))))
                .isEmpty();
    }

    @Test
    void aNewRuleNeedsNoCode() throws IOException {
        RuleBook.Definition d = new RuleBook.Definition("URGED_THRICE", "urged three times", "PROCESS_ERROR", "LOW",
                null, List.of("ComplaintUrged"), json("""
                        {"all":[{"field":"urgeCount","op":"gte","value":3},
                                {"field":"complaint.channel","op":"in","value":["HOTLINE","APP"]}]}"""));
        RuleBook book = RuleBook.of(List.of(RuleBook.compile(java.util.UUID.randomUUID(), 1, d)));
        Lifecycle c = complaint("OTHER").add(h(2), new io.tousu.events.complaint.ComplaintUrged(2, "APP", T0))
                .add(h(3), new io.tousu.events.complaint.ComplaintUrged(3, "APP", T0));
        List<RuleBook.Finding> f = findings(book, c);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).matched()).containsExactly("urgeCount=3", "complaint.channel=HOTLINE");
    }

    private static RuleBook.Definition rule(JsonNode condition) {
        return new RuleBook.Definition("SOME_RULE", "some", "PROCESS_ERROR", "LOW", null, List.of("NoteAdded"),
                condition);
    }

    private static JsonNode json(String text) throws IOException {
        return EventCodec.mapper().readTree(text);
    }
}
