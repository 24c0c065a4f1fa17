package org.livecomply.grading.domain.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import org.livecomply.grading.domain.GoodsCategory;

/**
 * Pre-review of marketing text against a term list (Arts. 30, 32, 34, 35): advertising-law absolute terms,
 * curative or medical claims for goods that are not drugs, unverifiable sales-volume or review claims, and
 * price comparisons when no reference price is shown. One finding per match, by position.
 */
public final class ContentReviewer {

    private ContentReviewer() {
    }

    public static List<ContentFinding> review(TermList terms, String text, GoodsCategory category, boolean referencePriceShown) {
        List<ContentFinding> findings = new ArrayList<>();
        for (Term term : terms.terms()) {
            if (!applies(term.kind(), category, referencePriceShown)) {
                continue;
            }
            Matcher matcher = term.pattern().matcher(text);
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    continue;
                }
                findings.add(new ContentFinding(term.kind(), matcher.group(), text.codePointCount(0, matcher.start()),
                        text.codePointCount(0, matcher.end()), explanation(term)));
            }
        }
        findings.sort(Comparator.comparingInt(ContentFinding::startOffset)
                .thenComparing(Comparator.comparingInt(ContentFinding::endOffset).reversed()).thenComparing(ContentFinding::kind));
        return dropRepeats(findings);
    }

    private static boolean applies(FindingKind kind, GoodsCategory category, boolean referencePriceShown) {
        return switch (kind) {
            // Advertising Law Art. 17: only drugs (and medical devices, by their own approval) may make medical claims;
            // this pre-review treats every non-drug category as unable to.
            case MEDICAL_CLAIM -> category != GoodsCategory.DRUGS;
            // Art. 32: a comparison is lawful when its reference price is shown with it.
            case PRICE_COMPARISON_WITHOUT_REFERENCE -> !referencePriceShown;
            default -> true;
        };
    }

    private static String explanation(Term term) {
        return term.explanation() == null || term.explanation().isEmpty() ? term.kind().article() : term.explanation();
    }

    /** Two terms of one kind matching the same span (e.g. 第一 inside 销量第一) make one finding. */
    private static List<ContentFinding> dropRepeats(List<ContentFinding> sorted) {
        List<ContentFinding> kept = new ArrayList<>();
        for (ContentFinding finding : sorted) {
            boolean repeat = kept.stream().anyMatch(k -> k.kind() == finding.kind() && k.startOffset() <= finding.startOffset()
                    && k.endOffset() >= finding.endOffset());
            if (!repeat) {
                kept.add(finding);
            }
        }
        return kept;
    }
}
