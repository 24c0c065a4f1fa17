package org.livecomply.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The gate benchmark itself, tiny, so it keeps working: three real services, every request answered ALLOWED.
 * The gate's deadline is generous here so that a slow build machine cannot turn an answer into a denial.
 */
class GateBenchTest {

    @Test
    void aShortRunAnswersEveryRequestAndReportsOrderedPercentiles() throws Exception {
        GateBench.Result result = new GateBench(20, 2, 1, 2, "20s").run();
        assertEquals(40, result.requests());
        assertEquals(40, result.allowed(), result.report());
        assertEquals(0, result.failed(), result.report());
        assertTrue(result.p50() <= result.p90() && result.p90() <= result.p99() && result.p99() <= result.max(), result.report());
    }
}
