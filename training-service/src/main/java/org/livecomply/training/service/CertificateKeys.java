package org.livecomply.training.service;

import jakarta.inject.Singleton;
import javax.crypto.Mac;
import org.livecomply.commons.config.IntegrityKeys;

/**
 * The MAC keying certificate ids, derived from {@code LIVECOMPLY_SERVICE_SECRET}: that secret must stay
 * the same for the certificates issued under it to keep verifying.
 */
@Singleton
public class CertificateKeys {

    private static final String PURPOSE = "training-certificate";

    private final IntegrityKeys keys;

    public CertificateKeys(IntegrityKeys keys) {
        this.keys = keys;
    }

    public Mac mac() {
        return keys.mac(PURPOSE);
    }
}
