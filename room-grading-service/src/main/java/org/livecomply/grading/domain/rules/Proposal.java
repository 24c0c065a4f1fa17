package org.livecomply.grading.domain.rules;

import java.time.Duration;
import org.livecomply.grading.domain.Measure;

/**
 * What the rule table proposes for a violation: {@code measure} and {@code ruleId} are null when no rule
 * applies. {@code rulesetVersion} names the table used.
 */
public record Proposal(Measure measure, Duration duration, int points, int windowDays, String ruleId, String explanation,
                       int rulesetVersion, String violation) {
}
