package org.livecomply.archive.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.livecomply.sdk.archive.SignedCheckpoint;

/** What stops the archive at start: a retention below 3 years (Art. 16), a missing or wrong signing key, a bad origin. */
class StartupChecksTest {

    private static final String ORIGIN = "platform.example/transaction-archive";

    @Test
    void retentionBelowThreeYearsIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new RetentionPolicy(2));
        assertTrue(e.getMessage().contains("at least 3 years"), e.getMessage());
        assertEquals(3, new RetentionPolicy(3).years());
        assertEquals(10, new RetentionPolicy(10).years());
    }

    @Test
    void theConfiguredKeySignsCheckpointsThatTheSdkVerifies() throws Exception {
        CheckpointSigner signer = new CheckpointSigner(CheckpointSigner.DEV_KEY, ORIGIN, environment("k8s"));
        var checkpoint = signer.sign(5, new byte[32]);
        assertEquals(5, SignedCheckpoint.verify(checkpoint.signedNote(), signer.verifierKey()).treeSize());
        assertEquals(32, signer.publicKey().length);
    }

    @Test
    void withoutAKeyOnlyDevAndTestStart() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new CheckpointSigner("", ORIGIN, environment("k8s")));
        assertTrue(e.getMessage().contains(CheckpointSigner.ENV), e.getMessage());
        new CheckpointSigner("", ORIGIN, environment(Environment.DEVELOPMENT));
    }

    @Test
    void aKeyThatIsNotEd25519PkcsEightOrABadOriginIsRefused() {
        assertThrows(ConfigurationException.class, () -> new CheckpointSigner("bm90IGEga2V5", ORIGIN, environment("k8s")));
        // the start of an RSA key in PKCS#8: not an Ed25519 key
        String rsa = "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAwUHl";
        assertThrows(ConfigurationException.class, () -> new CheckpointSigner(rsa, ORIGIN, environment("k8s")));
        assertThrows(ConfigurationException.class, () -> new CheckpointSigner(CheckpointSigner.DEV_KEY, "has space", environment("k8s")));
        assertThrows(ConfigurationException.class, () -> new CheckpointSigner(CheckpointSigner.DEV_KEY, "a+b", environment("k8s")));
    }

    private static Environment environment(String name) {
        return (Environment) java.lang.reflect.Proxy.newProxyInstance(Environment.class.getClassLoader(), new Class<?>[] {Environment.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getActiveNames")) {
                        return Set.of(name);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
