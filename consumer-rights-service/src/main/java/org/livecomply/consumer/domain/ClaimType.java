package org.livecomply.consumer.domain;

/** The legal ground of a claim about an order, with the article that gives it. */
public enum ClaimType {
    QUALITY_DEFECT("CRPL Art. 24"), FRAUD("CRPL Art. 55 ¶1"), FOOD_SAFETY("Food Safety Law Art. 148 ¶2");

    private final String article;

    ClaimType(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
