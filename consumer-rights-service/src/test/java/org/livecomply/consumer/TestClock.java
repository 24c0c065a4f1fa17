package org.livecomply.consumer;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.livecomply.commons.time.ClockFactory;
import org.livecomply.testsupport.MutableClock;

/** Tests start on 2026-11-29 10:00 in China whatever the date of the run; a test class may move the clock and puts it back to {@link #NOW}. */
@Factory
@Requires(env = "test")
public class TestClock {

    public static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    @Singleton
    @Replaces(factory = ClockFactory.class, bean = Clock.class)
    public MutableClock testClock() {
        return new MutableClock(NOW);
    }
}
