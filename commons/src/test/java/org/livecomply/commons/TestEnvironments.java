package org.livecomply.commons;

import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import java.util.List;
import java.util.Optional;

/**
 * A Micronaut {@link Environment} with exactly the given active names. Environment deduction is off: left on,
 * Micronaut sees JUnit on the stack and adds "test", which would let every dev default through.
 */
public final class TestEnvironments {

    private TestEnvironments() {
    }

    public static Environment of(String... names) {
        return new DefaultEnvironment(new ApplicationContextConfiguration() {
            @Override
            public List<String> getEnvironments() {
                return List.of(names);
            }

            @Override
            public Optional<Boolean> getDeduceEnvironments() {
                return Optional.of(false);
            }
        });
    }
}
