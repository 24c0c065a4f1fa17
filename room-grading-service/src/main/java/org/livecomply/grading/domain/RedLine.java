package org.livecomply.grading.domain;

/** The red lines of Arts. 30–37, each with the article that draws it. */
public enum RedLine {
    UNSAFE_GOODS("Art. 33"),
    COUNTERFEIT_GOODS("Art. 33"),
    BANNED_GOODS("Art. 33"),
    FALSE_CLAIM("Art. 34"),
    FAKE_SALES_OR_REVIEWS("Art. 34"),
    AI_IMPERSONATION("Arts. 34, 37"),
    UNLABELLED_AI_PERSON("Art. 37"),
    DEFAMATION("Art. 36"),
    ADVERTISING_LAW("Art. 35"),
    UNCLEAR_PRICING("Art. 32"),
    MISSING_PRE_SESSION_REVIEW("Art. 30"),
    UNCORRECTED_SLIP("Art. 31"),
    // LEGAL.md does not pin comment management to one article; it belongs to the room operator's duties of Arts. 29–31.
    COMMENT_MISMANAGEMENT("Arts. 29–31");

    private final String article;

    RedLine(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
