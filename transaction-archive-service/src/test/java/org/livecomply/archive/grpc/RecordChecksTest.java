package org.livecomply.archive.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.Violations;

/** The fast plain* checks pass a value only when the full checks (which name the field) would pass it too. */
class RecordChecksTest {

    private static final List<String> VALUES = List.of("", "a", "order-1", "A.b:c_d-9", "x".repeat(64), "x".repeat(65),
            "x".repeat(128), "x".repeat(129), " lead", "trail ", "in side", "tab\there", "bell\u0007", "del\u007f", "c1\u0085",
            "\u3000ideographic space", "ideographic space\u3000", "有机五常大米 稻花香2号", "规格说明".repeat(50), "规格说明".repeat(51),
            "\uD83D\uDE00".repeat(200), "\uD83D\uDE00".repeat(201), "\uD83D\uDE00 emoji", "no\u00a0break", "order/1", "ü");

    @Test
    void plainIdAgreesWithTheFullIdCheck() {
        for (String value : VALUES) {
            for (int[] bounds : new int[][] {{0, 64}, {1, 64}, {1, 128}}) {
                boolean full = RecordChecks.id(new Violations(), "f", value, bounds[0], bounds[1]).list().isEmpty();
                boolean plain = RecordChecks.plainId(value, bounds[0], bounds[1]);
                assertEquals(full, plain, "id '" + value + "' " + bounds[0] + ".." + bounds[1]);
            }
        }
    }

    @Test
    void plainTextAgreesWithTheFullTextCheck() {
        for (String value : VALUES) {
            for (int[] bounds : new int[][] {{0, 64}, {1, 200}, {1, 2048}}) {
                boolean full = new Violations().text("f", value, bounds[0], bounds[1]).list().isEmpty();
                boolean plain = RecordChecks.plainText(value, bounds[0], bounds[1]);
                assertEquals(full, plain, "text '" + value + "' " + bounds[0] + ".." + bounds[1]);
            }
        }
    }
}
