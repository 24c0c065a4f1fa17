package org.livecomply.grading.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The identifiers a blacklist is keyed by are checked as identity-service will check them. */
class IdentityNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void residentIdNumbersNeedTheirCheckDigitAndARealPastBirthDate() {
        assertEquals(Optional.empty(), IdentityNumbers.residentIdProblem("110105199001011232", TODAY));
        assertEquals(Optional.of("has a wrong check digit"), IdentityNumbers.residentIdProblem("110105199001011233", TODAY));
        assertEquals(Optional.of("has an impossible birth date"), IdentityNumbers.residentIdProblem("110105199002301230", TODAY));
        assertEquals(Optional.of("has an impossible birth date"), IdentityNumbers.residentIdProblem("110105202712011234", TODAY));
        assertEquals(Optional.of("must be 17 digits and a check digit or X"), IdentityNumbers.residentIdProblem("11010519900101123", TODAY));
    }

    @Test
    void usccsNeedTheirCheckCharacterAndTheirAlphabet() {
        assertEquals(Optional.empty(), IdentityNumbers.usccProblem("91350100M000100Y43"));
        assertTrue(IdentityNumbers.usccProblem("91350100M000100Y44").isPresent());
        assertEquals(Optional.of("may only contain digits and the letters of GB 32100-2015"), IdentityNumbers.usccProblem("91350100M000100I43"));
        assertEquals(Optional.of("must be 18 characters"), IdentityNumbers.usccProblem("9135"));
    }
}
