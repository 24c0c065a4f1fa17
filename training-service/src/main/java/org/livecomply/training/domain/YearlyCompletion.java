package org.livecomply.training.domain;

/**
 * A subject's training over one calendar year (China time): its status at the end of the year (or now,
 * for the running year) measured with the calendar-year window, its MCN, and its refusals in the year.
 */
public record YearlyCompletion(int year, TrainingStatus status, String mcnInstitution, int refusalCount) {

    public boolean compliant() {
        return status.trained();
    }
}
