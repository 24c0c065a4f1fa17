package org.livecomply.archive;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.livecomply.commons.time.ClockFactory;

/** Tests run on 2026-11-29 10:00 in China, whatever the date of the run (tokens and "not in the future" depend on it). */
@Factory
@Requires(env = "test")
public class TestClock {

    public static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    public Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
