package org.livecomply.devrun.demo;

/** A step of the demo did not turn out as the scenario expects: the demo stops there and says why. */
public final class DemoFailure extends RuntimeException {

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails with {@code what} unless {@code condition} holds. */
    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new DemoFailure(what);
        }
    }
}
