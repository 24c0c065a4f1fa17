package org.livecomply.grading.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.livecomply.grading.domain.CreditRecord;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.RoomMetrics;
import org.livecomply.grading.domain.Severity;

/** The compliance record and scale of a room at one instant: what the grade rules are evaluated on. */
public record GradeInputs(long weightedViolations30d, long weightedViolations90d, long weightedViolations365d, long violations90d,
                          long verifiedComplaints30d, long verifiedComplaints90d, long followers, long visits30d, long gmv30dFen,
                          long orders30d, long marketerInfluence, boolean lifeAndHealth, boolean abnormalOperationListed,
                          boolean seriousDishonestyListed, long penalties365d) {

    /** A violation as grading sees it: when it happened and how grave it was. */
    public record ViolationFact(Instant occurTime, Severity severity) {
    }

    /**
     * A window of N days holds what happened after now − N days: a violation exactly N days old no longer counts.
     */
    public static GradeInputs of(Room room, Collection<ViolationFact> violations, Collection<Instant> complaintTimes,
                                 Map<Severity, Integer> weights, Instant now) {
        RoomMetrics metrics = room.metrics() == null ? RoomMetrics.NONE : room.metrics();
        CreditRecord credit = room.credit();
        return new GradeInputs(
                weighted(violations, weights, now, 30), weighted(violations, weights, now, 90), weighted(violations, weights, now, 365),
                violations.stream().filter(v -> within(v.occurTime(), now, 90)).count(),
                complaintTimes.stream().filter(t -> within(t, now, 30)).count(),
                complaintTimes.stream().filter(t -> within(t, now, 90)).count(),
                metrics.followers(), metrics.visits30d(), metrics.gmv30dFen(), metrics.orders30d(), metrics.marketerInfluence(),
                room.lifeAndHealth(),
                credit != null && credit.abnormalOperationCounts(),
                credit != null && credit.seriousDishonestyCounts(),
                credit == null ? 0 : credit.penalties365d());
    }

    private static long weighted(Collection<ViolationFact> violations, Map<Severity, Integer> weights, Instant now, int days) {
        return violations.stream().filter(v -> within(v.occurTime(), now, days)).mapToLong(v -> weights.getOrDefault(v.severity(), 0)).sum();
    }

    static boolean within(Instant time, Instant now, int days) {
        return time.isAfter(now.minus(Duration.ofDays(days)));
    }
}
