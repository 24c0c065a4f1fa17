package org.livecomply.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark itself, tiny, so it keeps working: every stage runs and reports numbers that make sense. */
class ArchiveBenchTest {

    @Test
    void aSmallRunMeasuresEveryStage() throws Exception {
        ArchiveBench.Result result = new ArchiveBench(3000, 7000, 2, 200, null, false).run();
        assertEquals(3000, result.records());
        assertEquals(7000, result.leaves(), "a warm-up of 3000, the timed 3000, then grown to 7000");
        assertTrue(result.recordBytes() > 900 && result.recordBytes() < 1300, "about 1 KB: " + result.recordBytes());
        assertTrue(result.rawRowsPerSecond() > 0 && result.appendRecordsPerSecond() > 0, result.report());
        assertTrue(result.proofP99Millis() >= result.proofP50Millis(), result.report());
        assertEquals(4, result.heapByLeaves().size());
    }
}
