package org.livecomply.grading.domain.rules;

import java.util.function.ToLongFunction;

/** What a grade rule's condition looks at, read from the inputs of one evaluation. */
public enum Metric {
    WEIGHTED_VIOLATIONS_30D(GradeInputs::weightedViolations30d),
    WEIGHTED_VIOLATIONS_90D(GradeInputs::weightedViolations90d),
    WEIGHTED_VIOLATIONS_365D(GradeInputs::weightedViolations365d),
    VIOLATIONS_90D(GradeInputs::violations90d),
    VERIFIED_COMPLAINTS_30D(GradeInputs::verifiedComplaints30d),
    VERIFIED_COMPLAINTS_90D(GradeInputs::verifiedComplaints90d),
    FOLLOWERS(GradeInputs::followers),
    VISITS_30D(GradeInputs::visits30d),
    GMV_30D_FEN(GradeInputs::gmv30dFen),
    ORDERS_30D(GradeInputs::orders30d),
    MARKETER_INFLUENCE(GradeInputs::marketerInfluence),
    LIFE_AND_HEALTH(inputs -> inputs.lifeAndHealth() ? 1 : 0),
    ABNORMAL_OPERATION_LISTED(inputs -> inputs.abnormalOperationListed() ? 1 : 0),
    SERIOUS_DISHONESTY_LISTED(inputs -> inputs.seriousDishonestyListed() ? 1 : 0),
    PENALTIES_365D(GradeInputs::penalties365d);

    private final ToLongFunction<GradeInputs> value;

    Metric(ToLongFunction<GradeInputs> value) {
        this.value = value;
    }

    public long of(GradeInputs inputs) {
        return value.applyAsLong(inputs);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
