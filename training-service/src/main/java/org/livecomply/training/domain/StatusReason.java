package org.livecomply.training.domain;

/** One failing condition of a training status: catalogued reason, article, the course or notice concerned. */
public record StatusReason(String reason, String article, String resource, String description) {

    public static final String PRE_SERVICE_TRAINING_MISSING = "PRE_SERVICE_TRAINING_MISSING";
    public static final String ANNUAL_TRAINING_MISSING = "ANNUAL_TRAINING_MISSING";
    public static final String TRAINING_REFUSED = "TRAINING_REFUSED";
    public static final String REGULATOR_NOTICE_UNACKNOWLEDGED = "REGULATOR_NOTICE_UNACKNOWLEDGED";
}
