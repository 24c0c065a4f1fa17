package org.livecomply.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.training.TrainingFixtures.instant;
import static org.livecomply.training.TrainingFixtures.timestamp;
import static org.livecomply.training.TrainingServiceClient.READ;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.training.v1.GetTrainingRulesRequest;
import org.livecomply.api.training.v1.GetTrainingStatusRequest;
import org.livecomply.api.training.v1.TrainingRules;
import org.livecomply.api.training.v1.TrainingStatus;

/** The platform rule "rolling 12 months" (LIVECOMPLY_TRAINING_ANNUAL_WINDOW): a completion counts for 12 months, across New Year. */
@MicronautTest(environments = "test")
class RollingWindowIT extends TrainingApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.training.annual-window", "ROLLING_12_MONTHS");
    }

    @Test
    void aCompletionKeepsTheSubjectCurrentForExactlyTwelveMonths() {
        TrainingFixtures.Catalogue catalogue = fixtures.catalogue();
        String operator = identity.roomOperator().getName();
        Instant completed = TrainingStatusIT.china(2026, 3, 15, 10, 0);
        fixtures.pass(operator, catalogue.annualOperator(), completed);

        Instant lapse = TrainingStatusIT.china(2027, 3, 15, 10, 0);
        TrainingStatus now = status(operator, TestClock.NOW);
        assertTrue(now.getAnnualCurrent());
        assertEquals(lapse, instant(now.getLapsesAt()));
        assertEquals(TrainingStatusIT.china(2025, 11, 29, 10, 0), instant(now.getAnnualWindowStartTime()));
        assertEquals(TestClock.NOW, instant(now.getAnnualWindowEndTime()));

        assertTrue(status(operator, TrainingStatusIT.china(2027, 1, 1, 0, 0)).getAnnualCurrent(), "New Year changes nothing");
        assertTrue(status(operator, lapse.minusNanos(1_000)).getAnnualCurrent());
        TrainingStatus lapsed = status(operator, lapse);
        assertFalse(lapsed.getAnnualCurrent());
        assertEquals("ANNUAL_TRAINING_MISSING", lapsed.getReasons(0).getReason());
        assertEquals("Art. 10 ¶2", lapsed.getReasons(0).getArticle());

        assertEquals(TrainingRules.AnnualWindow.ANNUAL_WINDOW_ROLLING_12_MONTHS,
                client.as(READ).getTrainingRules(GetTrainingRulesRequest.getDefaultInstance()).getAnnualWindow());
    }

    private TrainingStatus status(String subject, Instant at) {
        return client.as(READ).getTrainingStatus(GetTrainingStatusRequest.newBuilder().setSubject(subject).setEvaluateTime(timestamp(at)).build());
    }
}
