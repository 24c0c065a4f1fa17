package org.livecomply.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.grading.GradingFixtures.ADMIN;
import static org.livecomply.grading.GradingFixtures.READ;
import static org.livecomply.grading.GradingFixtures.WRITE;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.api.grading.v1.Condition;
import org.livecomply.api.grading.v1.ContentReview;
import org.livecomply.api.grading.v1.CreateGradingRulesetRequest;
import org.livecomply.api.grading.v1.CreateTermListRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetRequest;
import org.livecomply.api.grading.v1.DryRunResult;
import org.livecomply.api.grading.v1.FindingKind;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GetRoomRequest;
import org.livecomply.api.grading.v1.GetTermListRequest;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.GradeRule;
import org.livecomply.api.grading.v1.GradingRules;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.ListGradingRulesetsRequest;
import org.livecomply.api.grading.v1.Metric;
import org.livecomply.api.grading.v1.PublishGradingRulesetRequest;
import org.livecomply.api.grading.v1.ReviewMarketingContentRequest;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Term;
import org.livecomply.api.grading.v1.TermList;
import org.livecomply.api.type.v1.Money;

/** Rulesets as versioned data with dry runs and publication (Arts. 11, 12); pre-review term lists (Arts. 30–35). */
@MicronautTest(environments = "test")
class RulesetAndContentIT extends GradingApiTest {

    private GradingRuleset current() {
        return client.as(READ).getGradingRuleset(GetGradingRulesetRequest.newBuilder().setName("gradingRulesets/current").build());
    }

    /** The rules in force with one more rule: any room with a single minor violation is high risk. */
    private GradingRules stricter() {
        return current().getRules().toBuilder().addGradeRules(GradeRule.newBuilder().setId("strict-any-violation")
                .setDescription("any violation in 30 days").setLevel(GradeLevel.GRADE_LEVEL_HIGH_RISK)
                .addAllOf(Condition.newBuilder().setMetric(Metric.METRIC_WEIGHTED_VIOLATIONS_30D).setAtLeast(1))).build();
    }

    @Test
    void aDraftIsDryRunOverCurrentRoomsWithoutChangingAnythingThenPublished() {
        Room clean = fixtures.room();
        Room offender = fixtures.room();
        fixtures.violation(offender, Severity.SEVERITY_MINOR, TestClock.NOW);
        GradingRuleset inForce = current();
        assertEquals(GradingRuleset.State.STATE_IN_FORCE, inForce.getState());
        assertEquals("shipped-default", inForce.getCreatedBy());

        GradingRuleset draft = client.as(ADMIN).createGradingRuleset(CreateGradingRulesetRequest.newBuilder()
                .setGradingRuleset(GradingRuleset.newBuilder().setDescription("stricter 30-day rule").setRules(stricter())).build());
        assertEquals(GradingRuleset.State.STATE_DRAFT, draft.getState());
        assertEquals(stricter(), draft.getRules(), "stored as given");

        List<DryRunResult> results = client.as(ADMIN).dryRunGradingRuleset(DryRunGradingRulesetRequest.newBuilder()
                .setRuleset(draft.getName()).setPageSize(200).build()).getResultsList();
        DryRunResult offenderResult = results.stream().filter(r -> r.getRoom().equals(offender.getName())).findFirst().orElseThrow();
        assertEquals(GradeLevel.GRADE_LEVEL_LOW_RISK, offenderResult.getCurrentLevel());
        assertEquals(GradeLevel.GRADE_LEVEL_HIGH_RISK, offenderResult.getLevel());
        assertTrue(offenderResult.getChanged());
        assertEquals(List.of("strict-any-violation"), offenderResult.getFiredRuleIdsList());
        assertFalse(results.stream().filter(r -> r.getRoom().equals(clean.getName())).findFirst().orElseThrow().getChanged());
        assertEquals(GradeLevel.GRADE_LEVEL_LOW_RISK, room(offender).getGrade().getLevel(), "a dry run applies nothing");
        assertEquals(inForce.getName(), current().getName());

        GradingRuleset published = client.as(ADMIN).publishGradingRuleset(PublishGradingRulesetRequest.newBuilder().setName(draft.getName()).build());
        assertEquals(GradingRuleset.State.STATE_IN_FORCE, published.getState());
        assertEquals(draft.getName(), current().getName());
        fixtures.violation(offender, Severity.SEVERITY_MINOR, TestClock.NOW);
        assertEquals(GradeLevel.GRADE_LEVEL_HIGH_RISK, room(offender).getGrade().getLevel());
        assertEquals(draft.getName(), room(offender).getGrade().getRuleset());
        assertEquals(GradingRuleset.State.STATE_SUPERSEDED, client.as(READ).listGradingRulesets(ListGradingRulesetsRequest.getDefaultInstance())
                .getGradingRulesetsList().stream().filter(r -> r.getName().equals(inForce.getName())).findFirst().orElseThrow().getState());

        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).publishGradingRuleset(
                PublishGradingRulesetRequest.newBuilder().setName(draft.getName()).build()));
        assertEquals("GRADING_RULESET_ALREADY_PUBLISHED", preconditionFailure(again).getViolations(0).getType());
    }

    private Room room(Room room) {
        return client.as(READ).getRoom(GetRoomRequest.newBuilder().setName(room.getName()).build());
    }

    @Test
    void aRulesetThatWouldSwitchOffATriggerOrIsMalformedIsRefusedFieldByField() {
        GradingRules rules = current().getRules();
        GradingRules bad = rules.toBuilder()
                .setMonitoring(rules.getMonitoring().toBuilder().setFollowers(0))
                .setDefaultLevel(GradeLevel.GRADE_LEVEL_UNSPECIFIED)
                .setSeverityWeights(0, rules.getSeverityWeights(0).toBuilder().setSeverity(Severity.SEVERITY_GRAVE))
                .setGradeRules(1, rules.getGradeRules(1).toBuilder().setId(rules.getGradeRules(0).getId()).clearAllOf())
                .setDisposalPolicy(rules.getDisposalPolicy().toBuilder().setWindowDays(0)
                        .setRules(1, rules.getDisposalPolicy().getRules(1).toBuilder().clearDuration()))
                .build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).createGradingRuleset(
                CreateGradingRulesetRequest.newBuilder().setGradingRuleset(GradingRuleset.newBuilder().setDescription("bad").setRules(bad)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("grading_ruleset.rules.severity_weights", "grading_ruleset.rules.grade_rules[1].id",
                "grading_ruleset.rules.grade_rules[1].all_of", "grading_ruleset.rules.default_level", "grading_ruleset.rules.monitoring.followers",
                "grading_ruleset.rules.disposal_policy.window_days", "grading_ruleset.rules.disposal_policy.rules[1].duration"), badFields(e));
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class, () -> client.as(WRITE).createGradingRuleset(
                CreateGradingRulesetRequest.newBuilder().setGradingRuleset(GradingRuleset.newBuilder().setDescription("x").setRules(rules)).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode());
        assertEquals(ADMIN, errorInfo(writer).getMetadataOrThrow("required_scope"));
    }

    @Test
    void marketingTextIsPreReviewedAgainstTheNewestTermList() {
        ContentReview review = client.as(READ).reviewMarketingContent(ReviewMarketingContentRequest.newBuilder()
                .setText("全网最低！原价299，已售10万件，坚持使用可以治愈湿疹").setGoodsCategory(GoodsCategory.GOODS_CATEGORY_COSMETICS).build());
        assertEquals(List.of(FindingKind.FINDING_KIND_ABSOLUTE_TERM, FindingKind.FINDING_KIND_PRICE_COMPARISON_WITHOUT_REFERENCE,
                FindingKind.FINDING_KIND_UNVERIFIABLE_SALES_CLAIM, FindingKind.FINDING_KIND_MEDICAL_CLAIM),
                review.getFindingsList().stream().map(f -> f.getKind()).toList());
        assertEquals("termLists/1", review.getTermList());
        assertEquals("Art. 32", review.getFindings(1).getArticle());

        ContentReview withReference = client.as(READ).reviewMarketingContent(ReviewMarketingContentRequest.newBuilder()
                .setText("原价299，今天99").setGoodsCategory(GoodsCategory.GOODS_CATEGORY_APPAREL)
                .setReferencePrice(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(29_900)).build());
        assertEquals(0, withReference.getFindingsCount());

        TermList v2 = client.as(ADMIN).createTermList(CreateTermListRequest.newBuilder().setTermList(TermList.newBuilder()
                .setDescription("only one term").addTerms(Term.newBuilder().setKind(FindingKind.FINDING_KIND_ABSOLUTE_TERM).setText("顶流"))).build());
        assertEquals("termLists/2", v2.getName());
        ContentReview newer = client.as(READ).reviewMarketingContent(ReviewMarketingContentRequest.newBuilder()
                .setText("顶流推荐，全网最低").setGoodsCategory(GoodsCategory.GOODS_CATEGORY_APPAREL).build());
        assertEquals("termLists/2", newer.getTermList());
        assertEquals(List.of("顶流"), newer.getFindingsList().stream().map(f -> f.getMatchedText()).toList());
        assertEquals(v2, client.as(READ).getTermList(GetTermListRequest.newBuilder().setName("termLists/current").build()));

        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(READ).reviewMarketingContent(
                ReviewMarketingContentRequest.newBuilder().setText("x".repeat(20_001)).setReferencePrice(Money.newBuilder().setAmountMinor(-1)).build()));
        assertEquals(List.of("text", "goods_category", "reference_price.amount_minor"), badFields(bad));
    }
}
