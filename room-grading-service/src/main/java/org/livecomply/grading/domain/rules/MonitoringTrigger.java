package org.livecomply.grading.domain.rules;

/** The fixed triggers of technical monitoring and real-time patrol: the ruleset sets thresholds, never which apply. */
public enum MonitoringTrigger {
    MANY_FOLLOWERS("Art. 11 ¶1"),
    LARGE_TRANSACTION_SCALE("Art. 11 ¶1"),
    INFLUENTIAL_MARKETER("Art. 11 ¶1"),
    REPEATED_VIOLATIONS("Art. 11 ¶1"),
    LIFE_AND_HEALTH_GOODS("Art. 11 ¶1"),
    CONCENTRATED_COMPLAINTS("Art. 20");

    private final String article;

    MonitoringTrigger(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }
}
