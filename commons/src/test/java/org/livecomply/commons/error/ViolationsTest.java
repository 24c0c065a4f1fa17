package org.livecomply.commons.error;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    private static List<String> descriptions(Violations violations) {
        return violations.list().stream().map(FieldViolation::description).toList();
    }

    @Test
    void textChecksPresenceLengthInCodePointsControlsAndPadding() {
        assertEquals(List.of("legal_name is required"), descriptions(new Violations().text("legal_name", null, 1, 100)));
        assertEquals(List.of("legal_name is required"), descriptions(new Violations().text("legal_name", "", 1, 100)));
        assertTrue(new Violations().text("note", "", 0, 100).isEmpty(), "min 0 means optional");
        assertTrue(new Violations().text("note", null, 0, 100).isEmpty());
        // three supplementary characters are six UTF-16 units but three characters
        assertTrue(new Violations().text("legal_name", "𠀀𠀁𠀂", 1, 3).isEmpty());
        assertEquals(List.of("legal_name must be 1..3 characters, not 4"),
                descriptions(new Violations().text("legal_name", "张三李四", 1, 3)));
        assertEquals(List.of("code must be 5..9 characters, not 2"), descriptions(new Violations().text("code", "ab", 5, 9)));
        assertEquals(List.of("legal_name must not contain control characters"),
                descriptions(new Violations().text("legal_name", "张\n三", 1, 100)));
        assertEquals(List.of("legal_name must not start or end with whitespace"),
                descriptions(new Violations().text("legal_name", " 张三", 1, 100)));
        assertEquals(List.of("legal_name must not start or end with whitespace"),
                descriptions(new Violations().text("legal_name", "张三\u3000", 1, 100)));
        assertTrue(new Violations().text("legal_name", "张 三", 1, 100).isEmpty());
    }

    @Test
    void matchesLeavesEmptyValuesToText() {
        Pattern uscc = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
        assertTrue(new Violations().matches("uscc", "", uscc, "a USCC").isEmpty());
        assertTrue(new Violations().matches("uscc", null, uscc, "a USCC").isEmpty());
        assertTrue(new Violations().matches("uscc", "91330106MA2B3C4D5E", uscc, "a USCC").isEmpty());
        assertEquals(List.of("uscc must be a USCC"), descriptions(new Violations().matches("uscc", "91330106ma2b3c4d5e", uscc, "a USCC")));
    }

    @Test
    void collectsEveryBadFieldInOrderIntoOneRefusal() {
        Violations violations = new Violations()
                .text("legal_name", "", 1, 100)
                .when(false, "page_size", "never added")
                .when(true, "kind", "kind is required")
                .addAll(List.of(new FieldViolation("contact.phone", "bad phone")));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, violations::throwIfAny);
        assertEquals(List.of("legal_name", "kind", "contact.phone"), e.violations().stream().map(FieldViolation::field).toList());
        assertEquals(InvalidArgumentException.INVALID_ARGUMENT, e.reason());
        assertTrue(e.getMessage().contains("legal_name: legal_name is required; kind: kind is required"), e.getMessage());

        assertDoesNotThrow(new Violations().text("legal_name", "张三", 1, 100)::throwIfAny);
        assertThrows(UnsupportedOperationException.class, () -> violations.list().clear());
        assertEquals(3, violations.list().size());
    }
}
