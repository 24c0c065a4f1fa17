package org.livecomply.grading.grpc;

import java.util.List;
import org.livecomply.api.grading.v1.ContentFinding;
import org.livecomply.api.grading.v1.ContentReview;
import org.livecomply.api.grading.v1.FindingKind;
import org.livecomply.grading.domain.content.Term;
import org.livecomply.grading.domain.content.TermList;

/** Term lists and pre-review findings between the domain and the contract; also the stored form of terms. */
public final class ContentMapper {

    private ContentMapper() {
    }

    public static List<Term> termsFromProto(List<org.livecomply.api.grading.v1.Term> terms) {
        return terms.stream().map(t -> new Term(ProtoValues.domain(t.getKind(), "FINDING_KIND_",
                org.livecomply.grading.domain.content.FindingKind.class), t.getText(), t.getRegex(), t.getExplanation())).toList();
    }

    public static org.livecomply.api.grading.v1.TermList toProto(TermList list) {
        org.livecomply.api.grading.v1.TermList.Builder proto = termsToProto(list.terms()).toBuilder()
                .setDescription(list.description());
        if (list.version() > 0) {
            proto.setName(list.name()).setCreatedBy(list.createdBy()).setCreateTime(ProtoValues.timestamp(list.createTime()));
        }
        return proto.build();
    }

    /** Only the terms: the stored definition. */
    public static org.livecomply.api.grading.v1.TermList termsToProto(List<Term> terms) {
        org.livecomply.api.grading.v1.TermList.Builder proto = org.livecomply.api.grading.v1.TermList.newBuilder();
        for (Term term : terms) {
            proto.addTermsBuilder().setKind(ProtoValues.proto(term.kind(), "FINDING_KIND_", FindingKind.class)).setText(term.text())
                    .setRegex(term.regex()).setExplanation(term.explanation() == null ? "" : term.explanation());
        }
        return proto.build();
    }

    static ContentReview review(List<org.livecomply.grading.domain.content.ContentFinding> findings, TermList list) {
        ContentReview.Builder proto = ContentReview.newBuilder().setTermList(list.name());
        for (var finding : findings) {
            proto.addFindings(ContentFinding.newBuilder()
                    .setKind(ProtoValues.proto(finding.kind(), "FINDING_KIND_", FindingKind.class))
                    .setMatchedText(finding.matchedText())
                    .setStartOffset(finding.startOffset())
                    .setEndOffset(finding.endOffset())
                    .setArticle(finding.kind().article())
                    .setExplanation(finding.explanation()));
        }
        return proto.build();
    }
}
