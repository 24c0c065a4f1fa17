package org.livecomply.commons.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "110105199001011234, 1101**********1234",
            "11010519900101123X, 1101**********123X",
            "123456789, 1234*6789",
            "12345678, ********",   // too short to show anything
            "123, ***",
            "'', ''",
    })
    void idNumber(String value, String masked) {
        assertEquals(masked, Masking.idNumber(value));
    }

    @ParameterizedTest
    @CsvSource({
            "13812345678, 138****5678",
            "+8613812345678, +86*******5678",
            "1234567, *******",
            "12, **",
    })
    void phone(String value, String masked) {
        assertEquals(masked, Masking.phone(value));
    }

    @ParameterizedTest
    @CsvSource({
            "zhang@example.cn, z***@example.cn",
            "z@example.cn, z***@example.cn",      // the length of the local part is not revealed
            "@example.cn, @**********",            // no local part: nothing but the first character kept
            "not-an-email, n***********",
            "x, *",
    })
    void email(String value, String masked) {
        assertEquals(masked, Masking.email(value));
    }

    @ParameterizedTest
    @CsvSource({
            "文三路100号, 文三****",
            "ab, ab****",
            "'', ''",
    })
    void text(String value, String masked) {
        assertEquals(masked, Masking.text(value));
    }
}
