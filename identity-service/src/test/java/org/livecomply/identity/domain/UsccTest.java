package org.livecomply.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108551385082Q", "91330106MA2B0TF00W", "92330102MA28B1XY1A"})
    void acceptsCodesWithTheirGb32100CheckCharacter(String code) {
        assertEquals(java.util.Optional.empty(), Uscc.problem(code));
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44, check character",
            "91350100M000100Y4, 18 characters",
            "91350100M000100Y433, 18 characters",
            "91350100M000100I43, does not use",
            "91350100m000100Y43, does not use",
            "913501A0M000100Y43, administrative division"})
    void refusesWithTheReason(String code, String expected) {
        String problem = Uscc.problem(code).orElseThrow();
        assertTrue(problem.contains(expected), problem);
    }
}
