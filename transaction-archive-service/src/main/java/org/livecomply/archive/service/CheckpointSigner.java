package org.livecomply.archive.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;
import org.livecomply.archive.domain.Checkpoint;
import org.livecomply.commons.config.Secrets;
import org.livecomply.sdk.archive.NoteKeys;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * Signs checkpoints with the archive's Ed25519 key ({@code LIVECOMPLY_ARCHIVE_SIGNING_KEY}, PKCS#8 in
 * base64) as C2SP signed notes named after the log's origin. Checked at start: a missing key outside
 * dev/test, a key that is not Ed25519 or an unusable origin stops the service.
 */
@Context
public class CheckpointSigner {

    static final String ENV = "LIVECOMPLY_ARCHIVE_SIGNING_KEY";
    /** DEV ONLY, published: signs nothing anyone should trust. */
    static final String DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIOOSwJOPYlMKf4r6PZhCWvNBqxPEKRPD2bCudxbKhwk3";
    private static final Pattern ORIGIN = Pattern.compile("[\\x21-\\x2a\\x2c-\\x7e]{1,128}");

    private final String origin;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private volatile Checkpoint latest;
    private final byte[] keyId;

    public CheckpointSigner(@Nullable @Value("${livecomply.archive.signing-key:}") String configured,
                            @Value("${livecomply.archive.origin}") String origin, Environment environment) {
        if (!ORIGIN.matcher(origin).matches()) {
            throw new ConfigurationException("livecomply.archive.origin must be 1..128 printable ASCII characters without spaces or '+'");
        }
        this.origin = origin;
        KeyPair keys = keyPair(Secrets.require(configured, ENV, environment, DEV_KEY));
        this.privateKey = keys.getPrivate();
        this.publicKey = NoteKeys.raw(keys.getPublic());
        this.keyId = NoteKeys.keyId(origin, publicKey);
    }

    /**
     * The signed checkpoint of a tree. Ed25519 signatures are deterministic, so the last one is reused
     * while the tree has not grown (every proof carries the current checkpoint).
     */
    public Checkpoint sign(long treeSize, byte[] rootHash) {
        Checkpoint last = latest;
        if (last != null && last.treeSize() == treeSize && java.util.Arrays.equals(last.rootHash(), rootHash)) {
            return last;
        }
        String body = SignedCheckpoint.body(origin, treeSize, rootHash);
        String note = body + "\n" + SignedCheckpoint.signatureLine(origin, keyId, signature(privateKey, body));
        Checkpoint signed = new Checkpoint(origin, treeSize, rootHash, note);
        latest = signed;
        return signed;
    }

    public String origin() {
        return origin;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String verifierKey() {
        return NoteKeys.verifierKey(origin, publicKey);
    }

    /**
     * The JDK cannot derive an Ed25519 public key from a private one, but its key generator turns 32
     * random bytes into the pair: fed the private key's seed, it yields that key's pair.
     */
    static KeyPair keyPair(String pkcs8Base64) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new ConfigurationException(ENV + " has no extractable Ed25519 seed"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] probe = "livecomply key check".getBytes(StandardCharsets.UTF_8);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature(key, new String(probe, StandardCharsets.UTF_8)))) {
                throw new ConfigurationException(ENV + ": could not derive the public key of the signing key");
            }
            return new KeyPair(pair.getPublic(), key);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new ConfigurationException(ENV + " must be an Ed25519 private key in PKCS#8, base64: " + e.getMessage());
        }
    }

    private static byte[] signature(PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Hands the generator the seed instead of randomness. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
