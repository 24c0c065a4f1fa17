package org.livecomply.commons.pii;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM field encryption (PIPL Art. 51). Output {@code keyId.base64url(iv ‖ ciphertext ‖ tag)};
 * the field name is bound as associated data so a value cannot be moved to another column. Rotation:
 * add a key, make it primary; old values still decrypt and {@link #isCurrent} tells which to re-encrypt.
 */
@Singleton
public class PiiCipher {

    public static final int MAX_CIPHERTEXT_CHARS = 1024;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, byte[]> keys;
    private final String primaryKeyId;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiConfiguration configuration) {
        this.keys = configuration.keys();
        this.primaryKeyId = configuration.primaryKeyId();
    }

    public String encrypt(String plaintext, String field) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), iv, field, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return primaryKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    public String decrypt(String ciphertext, String field) {
        int dot = ciphertext.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not a PII ciphertext");
        }
        byte[] key = keys.get(ciphertext.substring(0, dot));
        if (key == null) {
            throw new IllegalStateException("PII key '" + ciphertext.substring(0, dot) + "' is not configured; it is needed to decrypt");
        }
        byte[] raw = Base64.getUrlDecoder().decode(ciphertext.substring(dot + 1));
        byte[] iv = Arrays.copyOf(raw, IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(raw, IV_BYTES, raw.length);
        return new String(run(Cipher.DECRYPT_MODE, key, iv, field, sealed), StandardCharsets.UTF_8);
    }

    /** True when the value is encrypted under the primary key (nothing to re-encrypt). */
    public boolean isCurrent(String ciphertext) {
        return ciphertext.startsWith(primaryKeyId + ".");
    }

    /** The same plaintext under the primary key; a no-op for a current value. */
    public String reencrypt(String ciphertext, String field) {
        return isCurrent(ciphertext) ? ciphertext : encrypt(decrypt(ciphertext, field), field);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, String field, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed for field " + field + " (wrong key or tampered value)", e);
        }
    }
}
