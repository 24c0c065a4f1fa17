package org.livecomply.sdk.archive;

/** A proof, checkpoint or bundle that does not verify; the message says exactly why. */
public final class ProofException extends Exception {

    public ProofException(String message) {
        super(message);
    }
}
