package org.livecomply.consumer.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.Violations;

class BodiesTest {

    private static java.util.List<String> fields(Violations violations) {
        return violations.list().stream().map(FieldViolation::field).toList();
    }

    @Test
    void aFlatObjectOfStringsIsReadAndAnythingElseIsAViolation() {
        Violations ok = new Violations();
        assertEquals(Map.of("a", "1", "b", ""), Bodies.json("{\"a\":\"1\",\"b\":null}".getBytes(StandardCharsets.UTF_8), ok));
        assertTrue(ok.isEmpty());
        Violations deep = new Violations();
        Bodies.json("{\"a\":[1,[2,[3,[4,[5]]]]]}".getBytes(StandardCharsets.UTF_8), deep);
        assertTrue(fields(deep).contains("body"), "nesting beyond the limit is refused: " + fields(deep));
        Violations many = new Violations();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"x\"");
        }
        Bodies.json(json.append('}').toString().getBytes(StandardCharsets.UTF_8), many);
        assertEquals(java.util.List.of("body"), fields(many));
    }

    @Test
    void formsAreDecodedStrictly() {
        Violations ok = new Violations();
        assertEquals(Map.of("description", "快递\r\n未到", "csrf", "1.a"),
                Bodies.form("description=%E5%BF%AB%E9%80%92%0D%0A%E6%9C%AA%E5%88%B0&csrf=1.a".getBytes(StandardCharsets.US_ASCII), ok));
        Violations twice = new Violations();
        Bodies.form("a=1&a=2".getBytes(StandardCharsets.US_ASCII), twice);
        assertEquals(java.util.List.of("body"), fields(twice));
        Violations broken = new Violations();
        Bodies.form("a=%zz".getBytes(StandardCharsets.US_ASCII), broken);
        assertEquals(java.util.List.of("body"), fields(broken));
    }
}
