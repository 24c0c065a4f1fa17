package org.livecomply.grading.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.ShippedRules;

/** Pre-review with the shipped term list (Arts. 30, 32, 34, 35). */
class ContentReviewerTest {

    private static final TermList TERMS = ShippedRules.termList();

    private static List<FindingKind> kinds(String text, GoodsCategory category, boolean reference) {
        return ContentReviewer.review(TERMS, text, category, reference).stream().map(ContentFinding::kind).toList();
    }

    @Test
    void absoluteTermsAreFoundWithTheirPositionInCodePoints() {
        String text = "😀这是国家级最佳面霜";
        List<ContentFinding> findings = ContentReviewer.review(TERMS, text, GoodsCategory.COSMETICS, false);
        assertEquals(2, findings.size(), findings.toString());
        assertEquals("国家级", findings.get(0).matchedText());
        assertEquals(3, findings.get(0).startOffset(), "the emoji is one code point");
        assertEquals(6, findings.get(0).endOffset());
        assertEquals("最佳", findings.get(1).matchedText());
        assertEquals(FindingKind.ABSOLUTE_TERM, findings.get(1).kind());
        assertTrue(findings.get(1).explanation().contains("Advertising Law"));
    }

    @Test
    void medicalClaimsAreFindingsForEveryCategoryButDrugs() {
        assertEquals(List.of(FindingKind.MEDICAL_CLAIM), kinds("坚持使用可以治愈湿疹", GoodsCategory.COSMETICS, false));
        assertEquals(List.of(FindingKind.MEDICAL_CLAIM), kinds("每天一杯降血糖", GoodsCategory.HEALTH_FOOD, false));
        assertEquals(List.of(), kinds("坚持使用可以治愈湿疹", GoodsCategory.DRUGS, false));
    }

    @Test
    void unverifiableSalesAndReviewClaimsAreFound() {
        assertEquals(List.of(FindingKind.UNVERIFIABLE_SALES_CLAIM), kinds("已售10万件", GoodsCategory.APPAREL, false));
        assertEquals(List.of(FindingKind.UNVERIFIABLE_SALES_CLAIM), kinds("好评率99.8%", GoodsCategory.APPAREL, false));
        assertEquals(List.of(FindingKind.UNVERIFIABLE_SALES_CLAIM), kinds("三千人已购买", GoodsCategory.APPAREL, false));
        assertEquals(List.of(FindingKind.UNVERIFIABLE_SALES_CLAIM, FindingKind.ABSOLUTE_TERM), kinds("销量第一", GoodsCategory.APPAREL, false),
                "a ranking is both unverifiable and absolute");
    }

    @Test
    void aPriceComparisonIsAFindingOnlyWithoutAReferencePrice() {
        assertEquals(List.of(FindingKind.PRICE_COMPARISON_WITHOUT_REFERENCE), kinds("原价299今天99", GoodsCategory.APPAREL, false));
        assertEquals(List.of(FindingKind.PRICE_COMPARISON_WITHOUT_REFERENCE), kinds("比超市便宜一半", GoodsCategory.FOOD, false));
        assertEquals(List.of(), kinds("原价299今天99", GoodsCategory.APPAREL, true));
    }

    @Test
    void plainTextHasNoFindingsAndOverlapsOfOneKindCountOnce() {
        assertEquals(List.of(), kinds("纯棉T恤，多种颜色可选。", GoodsCategory.APPAREL, false));
        assertEquals(List.of(FindingKind.ABSOLUTE_TERM), kinds("全网最低", GoodsCategory.APPAREL, false), "最低 inside 全网最低 is one finding");
    }

    @Test
    void termsAreCheckedFieldByField() {
        Violations violations = new Violations();
        TermList.check("", List.of(new Term(null, "", false, ""), new Term(FindingKind.ABSOLUTE_TERM, "(", true, ""),
                new Term(FindingKind.ABSOLUTE_TERM, "a*", true, "")), "term_list.", violations);
        assertEquals(List.of("term_list.description", "term_list.terms[0].kind", "term_list.terms[0].text", "term_list.terms[1].text",
                "term_list.terms[2].text"), violations.list().stream().map(org.livecomply.commons.error.FieldViolation::field).toList());
    }
}
