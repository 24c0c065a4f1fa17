package org.livecomply.commons.calendar;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Says in /health whether the working-day calendar covers this year and the next, and which years fell
 * back to Monday–Friday. Stays UP: a missing notice degrades deadlines, it does not stop the service.
 */
@Singleton
public class WorkingDayCalendarHealthIndicator implements HealthIndicator {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public WorkingDayCalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("workingDayCalendar", HealthStatus.UP).details(details()).build());
    }

    Map<String, Object> details() {
        int year = clock.instant().atZone(WorkingDayCalendar.CHINA).getYear();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("currentYearCovered", calendar.hasData(year));
        details.put("nextYearCovered", calendar.hasData(year + 1));
        details.put("yearsOnMondayToFridayFallback", calendar.yearsOnFallback());
        return details;
    }
}
