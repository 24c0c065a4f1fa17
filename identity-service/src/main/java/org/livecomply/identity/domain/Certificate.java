package org.livecomply.identity.domain;

import java.time.LocalDate;
import org.livecomply.commons.error.Violations;

/** A licence (行政许可, Art. 8 ¶1) or qualification certificate (Art. 8 ¶2) relevant to the goods. */
public record Certificate(String kind, String number, String issuer, LocalDate validUntil) {

    void check(String path, Violations violations) {
        violations.text(path + ".kind", kind, 1, 50)
                .text(path + ".number", number, 1, 64)
                .text(path + ".issuer", issuer, 0, 100);
    }
}
