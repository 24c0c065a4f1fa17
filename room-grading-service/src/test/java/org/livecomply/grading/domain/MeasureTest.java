package org.livecomply.grading.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Exactly the eight measures of Art. 12 ¶1, in the domain and in the contract, with what each entails. */
class MeasureTest {

    @Test
    void theDomainAndTheContractHaveExactlyTheEightMeasuresOfArticle12() {
        List<String> domain = Arrays.stream(Measure.values()).map(Enum::name).toList();
        assertEquals(List.of("WARNING", "FUNCTION_RESTRICTION", "TRAFFIC_RESTRICTION", "SESSION_SUSPENSION", "STREAMING_SUSPENSION",
                "ACCOUNT_CLOSURE", "REREGISTRATION_BAN", "BLACKLIST"), domain);
        List<String> contract = Arrays.stream(org.livecomply.api.grading.v1.Measure.values())
                .filter(m -> m != org.livecomply.api.grading.v1.Measure.UNRECOGNIZED && m != org.livecomply.api.grading.v1.Measure.MEASURE_UNSPECIFIED)
                .map(m -> m.name().substring("MEASURE_".length())).toList();
        assertEquals(domain, contract);
    }

    @Test
    void theProvincialLevelGetsClosureReRegistrationBanAndBlacklistOnly() {
        Set<Measure> provincial = Arrays.stream(Measure.values()).filter(Measure::provincialReport).collect(Collectors.toSet());
        assertEquals(Set.of(Measure.ACCOUNT_CLOSURE, Measure.REREGISTRATION_BAN, Measure.BLACKLIST), provincial);
        assertEquals(Set.of(Measure.REREGISTRATION_BAN, Measure.BLACKLIST),
                Arrays.stream(Measure.values()).filter(Measure::identityEntry).collect(Collectors.toSet()), "kept by identity (Art. 14)");
        assertEquals(Set.of(Measure.SESSION_SUSPENSION, Measure.STREAMING_SUSPENSION, Measure.ACCOUNT_CLOSURE),
                Arrays.stream(Measure.values()).filter(Measure::consumerHandoff).collect(Collectors.toSet()), "Art. 23 hand-off");
    }

    @Test
    void periodsAreRequiredForbiddenOrOptionalPerMeasureWithinOneHourToTenYears() {
        assertTrue(Measure.STREAMING_SUSPENSION.periodProblem(null).isPresent());
        assertTrue(Measure.WARNING.periodProblem(Duration.ofDays(1)).isPresent());
        assertFalse(Measure.BLACKLIST.periodProblem(null).isPresent(), "indefinite blacklist");
        assertFalse(Measure.TRAFFIC_RESTRICTION.periodProblem(Duration.ofHours(1)).isPresent());
        assertTrue(Measure.TRAFFIC_RESTRICTION.periodProblem(Duration.ofMinutes(59)).isPresent());
        assertFalse(Measure.BLACKLIST.periodProblem(Duration.ofDays(3650)).isPresent());
        assertTrue(Measure.BLACKLIST.periodProblem(Duration.ofDays(3650).plusSeconds(1)).isPresent());
    }
}
