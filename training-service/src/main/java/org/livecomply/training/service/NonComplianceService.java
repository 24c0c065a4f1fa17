package org.livecomply.training.service;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.livecomply.commons.paging.PagedResult;
import org.livecomply.training.client.IdentityDirectory.KnownSubject;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Subject;
import org.livecomply.training.domain.YearlyCompletion;
import org.livecomply.training.domain.report.ReportYear;

/**
 * Who of an audience has not completed a year's training (Art. 10): every subject registered in
 * identity-service before the year ended, evaluated at the end of the year (now, for the running year).
 */
@Singleton
public class NonComplianceService {

    /**
     * Identity lists in registration order, which follows its replicas' clocks; a subject registered this
     * long after the year's end means every later one is after it too.
     */
    static final Duration REGISTRATION_ORDER_SLACK = Duration.ofHours(1);

    private final SubjectScan scan;
    private final TrainingStatusService status;

    public NonComplianceService(SubjectScan scan, TrainingStatusService status) {
        this.scan = scan;
        this.status = status;
    }

    public PagedResult<YearlyCompletion> list(Audience audience, ReportYear year, int pageSize, String pageToken) {
        Instant at = status.evaluationInstant(year);
        String query = "ListNonCompliant?audience=" + audience + "&year=" + year.year();
        return scan.page(query, List.of(audience), pageSize, pageToken, (a, subjects) -> {
            Map<Subject, YearlyCompletion> completions = new HashMap<>();
            status.yearly(a, registeredIn(subjects, year), year, at).forEach(c -> completions.put(c.status().subject(), c));
            return subjects.stream().map(s -> completions.get(s.subject())).map(c -> c == null || c.compliant() ? null : c).toList();
        }, pastEnd(year));
    }

    static List<KnownSubject> registeredIn(List<KnownSubject> subjects, ReportYear year) {
        return subjects.stream().filter(s -> s.createTime().isBefore(year.endTime())).toList();
    }

    static Predicate<KnownSubject> pastEnd(ReportYear year) {
        Instant stop = year.endTime().plus(REGISTRATION_ORDER_SLACK);
        return subject -> !subject.createTime().isBefore(stop);
    }
}
