package org.livecomply.training.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Certificate ids: keyed, bound to the record's canonical fields, printable, tolerant of how people type them. */
class CertificateIdsTest {

    private static final Subject MARKETER = new Subject(Audience.MARKETER, "6f1c2a4e-0000-4000-8000-000000000001");
    private static final CourseRef COURSE = new CourseRef("PS-LAW", 1);
    private static final Instant COMPLETED = Instant.parse("2026-03-01T02:00:00.123456Z");

    @Test
    void theIdIs32Base32CharactersAndChangesWithEveryCanonicalFieldAndTheKey() {
        String id = CertificateIds.compute(mac("key-one"), "rec-1", MARKETER, COURSE, COMPLETED, 90);
        assertTrue(id.matches("[A-Z2-7]{32}"), id);
        assertEquals(id, CertificateIds.compute(mac("key-one"), "rec-1", MARKETER, COURSE, COMPLETED, 90), "deterministic");
        assertNotEquals(id, CertificateIds.compute(mac("key-two"), "rec-1", MARKETER, COURSE, COMPLETED, 90));
        assertNotEquals(id, CertificateIds.compute(mac("key-one"), "rec-2", MARKETER, COURSE, COMPLETED, 90));
        assertNotEquals(id, CertificateIds.compute(mac("key-one"), "rec-1", new Subject(Audience.MARKETER, "x"), COURSE, COMPLETED, 90));
        assertNotEquals(id, CertificateIds.compute(mac("key-one"), "rec-1", MARKETER, new CourseRef("PS-LAW", 2), COMPLETED, 90));
        assertNotEquals(id, CertificateIds.compute(mac("key-one"), "rec-1", MARKETER, COURSE, COMPLETED.plusNanos(1_000), 90));
        assertNotEquals(id, CertificateIds.compute(mac("key-one"), "rec-1", MARKETER, COURSE, COMPLETED, 91));
    }

    @Test
    void theIdIsShownInGroupsAndReadBackHoweverItWasTyped() {
        String raw = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String shown = CertificateIds.display(raw);
        assertEquals("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", shown);
        assertEquals(Optional.of(raw), CertificateIds.parse(shown));
        assertEquals(Optional.of(raw), CertificateIds.parse(shown.toLowerCase().replace('-', ' ')));
        assertEquals(Optional.empty(), CertificateIds.parse("ABCD-EFGH"));
        assertEquals(Optional.empty(), CertificateIds.parse("ABCDEFGHIJKLMNOPQRSTUVWXYZ234560"), "0 is not base32");
        assertEquals(Optional.empty(), CertificateIds.parse(null));
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
