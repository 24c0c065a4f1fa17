package org.livecomply.consumer;

import io.micronaut.runtime.Micronaut;
import java.util.TimeZone;

public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        // Timestamps are stored and compared in UTC whatever the host's zone (DATETIME(6) columns).
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Micronaut.run(Application.class, args);
    }
}
