package org.livecomply.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.livecomply.commons.error.Violations;

/** A change as the room operator reports it. */
public record NewDisclosureChange(List<DisclosureChange.Field> changedFields, String description, Instant changeTime) {

    private static final String PATH = "disclosure_change.";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * @param unknownFields how many listed fields were unspecified or unknown values
     */
    public void check(int unknownFields, Instant now, Violations violations) {
        violations.when(changedFields.isEmpty() && unknownFields == 0, PATH + "changed_fields", "at least one changed field is required")
                .when(unknownFields > 0, PATH + "changed_fields", "changed_fields has unspecified or unknown values")
                .when(new HashSet<>(changedFields).size() != changedFields.size(), PATH + "changed_fields", "changed_fields lists a field twice")
                .text(PATH + "description", description, 1, 1000)
                .when(changeTime == null, PATH + "change_time", PATH + "change_time is required")
                .when(changeTime != null && changeTime.isAfter(now.plus(CLOCK_SKEW)), PATH + "change_time",
                        PATH + "change_time must not be in the future");
    }
}
