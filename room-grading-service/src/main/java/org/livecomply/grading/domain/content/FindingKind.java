package org.livecomply.grading.domain.content;

/** What a pre-review finding is about, with the article it rests on. */
public enum FindingKind {
    ABSOLUTE_TERM("Art. 35; Advertising Law Art. 9(3)"),
    MEDICAL_CLAIM("Art. 35; Advertising Law Art. 17"),
    UNVERIFIABLE_SALES_CLAIM("Art. 34"),
    PRICE_COMPARISON_WITHOUT_REFERENCE("Art. 32");

    private final String article;

    FindingKind(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
