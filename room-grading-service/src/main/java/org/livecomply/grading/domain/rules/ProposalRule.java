package org.livecomply.grading.domain.rules;

import java.time.Duration;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Severity;

/**
 * A row of the disposal proposal table: applies when the cumulative points reach {@code minPoints}, the
 * violation is at least {@code minSeverity} (null: any), and, with {@code inSession}, happened during a session.
 * {@code duration} is null for measures without a period or an indefinite one.
 */
public record ProposalRule(String id, String description, int minPoints, Severity minSeverity, boolean inSession, Measure measure,
                           Duration duration) {

    public boolean applies(int points, Severity severity, boolean duringSession) {
        return points >= minPoints
                && (minSeverity == null || severity.compareTo(minSeverity) >= 0)
                && (!inSession || duringSession);
    }
}
