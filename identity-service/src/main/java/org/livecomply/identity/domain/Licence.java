package org.livecomply.identity.domain;

import java.time.LocalDate;
import org.livecomply.commons.error.Violations;

/** An administrative licence (行政许可) relevant to the goods (Art. 8 ¶1). */
public record Licence(String kind, String number, String issuer, LocalDate validUntil) {

    void check(String path, Violations violations) {
        violations.text(path + ".kind", kind, 1, 50)
                .text(path + ".number", number, 1, 64)
                .text(path + ".issuer", issuer, 0, 100);
    }
}
