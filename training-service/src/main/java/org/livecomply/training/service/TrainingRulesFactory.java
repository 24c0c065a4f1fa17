package org.livecomply.training.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import org.livecomply.training.domain.AnnualWindow;
import org.livecomply.training.domain.TrainingRules;

/** The platform's training rules from configuration ({@code LIVECOMPLY_TRAINING_ANNUAL_WINDOW}); a bad value stops the start. */
@Factory
public class TrainingRulesFactory {

    @Singleton
    public TrainingRules trainingRules(@Value("${livecomply.training.annual-window:CALENDAR_YEAR}") String annualWindow) {
        try {
            return new TrainingRules(AnnualWindow.valueOf(annualWindow.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("livecomply.training.annual-window (LIVECOMPLY_TRAINING_ANNUAL_WINDOW) must be one of "
                    + Arrays.toString(AnnualWindow.values()) + ", not " + annualWindow);
        }
    }
}
