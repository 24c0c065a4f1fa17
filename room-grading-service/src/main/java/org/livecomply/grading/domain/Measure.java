package org.livecomply.grading.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Exactly the eight disposal measures of Art. 12 ¶1, mildest first, with what each one entails: whether
 * it runs for a period, whether the provincial regulator must also receive it (Art. 12 ¶3), whether
 * identity-service must hold an entry for it (Art. 14: evasion by re-registration), whether affected
 * consumers' orders are handed to consumer-rights (Art. 23), and whether it keeps the room off the air.
 */
public enum Measure {
    WARNING(Period.NONE, false, false, false, false),
    FUNCTION_RESTRICTION(Period.REQUIRED, false, false, false, false),
    TRAFFIC_RESTRICTION(Period.REQUIRED, false, false, false, false),
    SESSION_SUSPENSION(Period.NONE, false, false, true, true),
    STREAMING_SUSPENSION(Period.REQUIRED, false, false, true, true),
    ACCOUNT_CLOSURE(Period.NONE, true, false, true, true),
    REREGISTRATION_BAN(Period.OPTIONAL, true, true, false, true),
    BLACKLIST(Period.OPTIONAL, true, true, false, true);

    public static final String ARTICLE = "Art. 12 ¶1";
    public static final Duration MIN_PERIOD = Duration.ofHours(1);
    public static final Duration MAX_PERIOD = Duration.ofDays(3650);

    /** Whether a measure runs for a fixed period. */
    public enum Period { NONE, REQUIRED, OPTIONAL }

    private final Period period;
    private final boolean provincialReport;
    private final boolean identityEntry;
    private final boolean consumerHandoff;
    private final boolean keepsOffAir;

    Measure(Period period, boolean provincialReport, boolean identityEntry, boolean consumerHandoff, boolean keepsOffAir) {
        this.period = period;
        this.provincialReport = provincialReport;
        this.identityEntry = identityEntry;
        this.consumerHandoff = consumerHandoff;
        this.keepsOffAir = keepsOffAir;
    }

    public Period period() {
        return period;
    }

    /** Art. 12 ¶3: account closure, re-registration ban and blacklist also go to the provincial level. */
    public boolean provincialReport() {
        return provincialReport;
    }

    /** Art. 14: kept by identity, keyed by the subject's identity, so a new account cannot evade it. */
    public boolean identityEntry() {
        return identityEntry;
    }

    /** Art. 23: the room's open orders, after-sales and disputes need arranging. */
    public boolean consumerHandoff() {
        return consumerHandoff;
    }

    /** The go-live gate refuses while it is in force (a session suspension only for its own session). */
    public boolean keepsOffAir() {
        return keepsOffAir;
    }

    /** A problem with {@code duration} for this measure, if any. */
    public Optional<String> periodProblem(Duration duration) {
        if (duration == null) {
            return period == Period.REQUIRED ? Optional.of("is required for " + name()) : Optional.empty();
        }
        if (period == Period.NONE) {
            return Optional.of("must be unset for " + name());
        }
        if (duration.compareTo(MIN_PERIOD) < 0 || duration.compareTo(MAX_PERIOD) > 0) {
            return Optional.of("must be 1 hour..3650 days");
        }
        return Optional.empty();
    }
}
