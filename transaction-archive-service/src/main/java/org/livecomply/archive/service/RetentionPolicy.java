package org.livecomply.archive.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import org.livecomply.archive.domain.RetentionClock;

/** How many years after completion evidence is kept: configurable, never below 3 (Art. 16; checked at start). */
@Context
public class RetentionPolicy {

    private final int years;

    public RetentionPolicy(@Value("${livecomply.archive.retention-years:3}") int years) {
        if (years < RetentionClock.MINIMUM_YEARS) {
            throw new ConfigurationException("livecomply.archive.retention-years is " + years + ": transaction records must be kept at least "
                    + RetentionClock.MINIMUM_YEARS + " years after completion (Art. 16)");
        }
        this.years = years;
    }

    public int years() {
        return years;
    }
}
