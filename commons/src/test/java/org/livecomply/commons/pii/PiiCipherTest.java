package org.livecomply.commons.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private static final String ID_NUMBER = "110105199001011234";
    private static final String FIELD = "room_operators.id_number";

    private final PiiCipher cipherA = new PiiCipher(PiiKeys.onlyA());

    @Test
    void roundTripsUnicodeAndEmptyValues() {
        for (String plaintext : new String[] {ID_NUMBER, "浙江省杭州市西湖区文三路100号", "", "x".repeat(500)}) {
            assertEquals(plaintext, cipherA.decrypt(cipherA.encrypt(plaintext, FIELD), FIELD));
        }
    }

    @Test
    void ciphertextCarriesTheKeyIdAndNotThePlaintext() {
        String sealed = cipherA.encrypt(ID_NUMBER, FIELD);
        assertTrue(sealed.startsWith("a."), sealed);
        assertFalse(sealed.contains(ID_NUMBER));
        assertFalse(sealed.contains("19900101"));
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(2));
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("19900101"), "not in the decoded bytes either");
        // iv (12) + ciphertext (18) + tag (16)
        assertEquals(12 + ID_NUMBER.length() + 16, raw.length);
        assertTrue(sealed.length() <= PiiCipher.MAX_CIPHERTEXT_CHARS);
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        String first = cipherA.encrypt(ID_NUMBER, FIELD);
        String second = cipherA.encrypt(ID_NUMBER, FIELD);
        assertNotEquals(first, second);
        assertNotEquals(first.substring(2, 18), second.substring(2, 18), "fresh random IV each time");
        assertEquals(cipherA.decrypt(first, FIELD), cipherA.decrypt(second, FIELD));
    }

    @Test
    void aValueCannotBeMovedToAnotherField() {
        String sealed = cipherA.encrypt(ID_NUMBER, FIELD);
        assertThrows(IllegalStateException.class, () -> cipherA.decrypt(sealed, "room_operators.phone"));
    }

    @Test
    void aTamperedValueIsRefused() {
        String sealed = cipherA.encrypt(ID_NUMBER, FIELD);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(2));
        for (int position : new int[] {0, 12, raw.length - 1}) { // IV, ciphertext, tag
            byte[] altered = raw.clone();
            altered[position] ^= 0x01;
            String forged = "a." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThrows(IllegalStateException.class, () -> cipherA.decrypt(forged, FIELD), "byte " + position);
        }
        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 1);
        String shortened = "a." + Base64.getUrlEncoder().withoutPadding().encodeToString(truncated);
        assertThrows(IllegalStateException.class, () -> cipherA.decrypt(shortened, FIELD));
    }

    @Test
    void anotherKeyWithTheSameIdCannotDecrypt() {
        String sealed = cipherA.encrypt(ID_NUMBER, FIELD);
        PiiCipher impostor = new PiiCipher(PiiKeys.prod("a:" + PiiKeys.KEY_B, "a", PiiKeys.INDEX_1));
        assertThrows(IllegalStateException.class, () -> impostor.decrypt(sealed, FIELD));
    }

    @Test
    void refusesValuesThatAreNotCiphertexts() {
        assertThrows(IllegalArgumentException.class, () -> cipherA.decrypt(ID_NUMBER, FIELD));
        assertThrows(IllegalArgumentException.class, () -> cipherA.decrypt(".abc", FIELD));
        IllegalStateException unknownKey = assertThrows(IllegalStateException.class,
                () -> cipherA.decrypt("zz." + cipherA.encrypt(ID_NUMBER, FIELD).substring(2), FIELD));
        assertTrue(unknownKey.getMessage().contains("'zz'"), unknownKey.getMessage());
    }

    @Test
    void rotationKeepsOldValuesReadableAndReencryptsThemUnderTheNewPrimary() {
        String underA = cipherA.encrypt(ID_NUMBER, FIELD);
        assertTrue(cipherA.isCurrent(underA));

        PiiCipher rotated = new PiiCipher(PiiKeys.aAndBWithBPrimary());
        assertEquals(ID_NUMBER, rotated.decrypt(underA, FIELD), "old values still decrypt");
        assertFalse(rotated.isCurrent(underA));

        String underB = rotated.reencrypt(underA, FIELD);
        assertTrue(underB.startsWith("b."), underB);
        assertTrue(rotated.isCurrent(underB));
        assertEquals(ID_NUMBER, rotated.decrypt(underB, FIELD));
        assertEquals(underB, rotated.reencrypt(underB, FIELD), "a current value is left alone");
        assertTrue(rotated.encrypt(ID_NUMBER, FIELD).startsWith("b."), "new values use the primary");

        // once key A is retired, a value re-encrypted under B still reads, one left under A does not
        PiiCipher onlyB = new PiiCipher(PiiKeys.prod("b:" + PiiKeys.KEY_B, "b", PiiKeys.INDEX_1));
        assertEquals(ID_NUMBER, onlyB.decrypt(underB, FIELD));
        assertThrows(IllegalStateException.class, () -> onlyB.decrypt(underA, FIELD));
    }

    @Test
    void isCurrentDoesNotConfuseKeyIdsThatArePrefixesOfEachOther() {
        PiiCipher ab = new PiiCipher(PiiKeys.prod("a:" + PiiKeys.KEY_A + ",ab:" + PiiKeys.KEY_B, "a", PiiKeys.INDEX_1));
        PiiCipher abPrimary = new PiiCipher(PiiKeys.prod("a:" + PiiKeys.KEY_A + ",ab:" + PiiKeys.KEY_B, "ab", PiiKeys.INDEX_1));
        String underAb = abPrimary.encrypt(ID_NUMBER, FIELD);
        assertFalse(ab.isCurrent(underAb));
        assertEquals(ID_NUMBER, ab.decrypt(underAb, FIELD));
    }
}
