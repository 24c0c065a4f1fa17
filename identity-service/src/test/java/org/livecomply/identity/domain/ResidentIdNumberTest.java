package org.livecomply.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void readsTheBirthDateAndAcceptsAnXCheck() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010520101129001x", TODAY).number().orElseThrow();
        assertEquals("11010520101129001X", id.value());
        assertEquals(LocalDate.of(2010, 11, 29), id.birthDate());
    }

    @Test
    void ageCountsFullYearsAndChangesOnTheBirthday() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010520101129001X", TODAY).number().orElseThrow();
        assertEquals(15, id.ageOn(TODAY.minusDays(1)));
        assertEquals(16, id.ageOn(TODAY));
        assertEquals(18, id.ageOn(LocalDate.of(2028, 11, 29)));
    }

    @ParameterizedTest
    @CsvSource({
            "110105199001011233, check digit",
            "11010519900101123, 17 digits",
            "011105199001011232, 17 digits",
            "11010519900230001X, real date",
            "110105210001010015, out of range",
            "1101051990010112X2, 17 digits"})
    void refusesWithTheReason(String value, String expected) {
        String problem = ResidentIdNumber.parse(value, TODAY).problem().orElseThrow();
        assertTrue(problem.contains(expected), problem);
    }
}
