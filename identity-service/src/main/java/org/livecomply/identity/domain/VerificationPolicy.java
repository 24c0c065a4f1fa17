package org.livecomply.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

/**
 * Verification timing. {@code reverificationPeriod}: Art. 8 ¶1 requires at least every 6 months, so a
 * platform may shorten it, never lengthen it. {@code reminderLead}: how long before the deadline an
 * operator shows as due. {@code marketerValidity}: how old a marketer's last passed check may be when a
 * roster names them (Art. 8 ¶3 dynamic verification; a platform rule).
 */
public record VerificationPolicy(Period reverificationPeriod, Duration reminderLead, Duration marketerValidity) {

    public static final Period LEGAL_MAXIMUM = Period.ofMonths(6);

    public VerificationPolicy {
        if (reverificationPeriod.isZero() || reverificationPeriod.isNegative() || reminderLead.isNegative()
                || marketerValidity.isNegative() || marketerValidity.isZero()) {
            throw new IllegalArgumentException("verification periods must be positive");
        }
    }

    /**
     * The re-verification deadline after a passed check, counted on the calendar in China; never later
     * than 6 months whatever the configured period (Art. 8 ¶1).
     */
    public Instant reverificationDue(Instant verifiedAt) {
        java.time.ZonedDateTime verified = verifiedAt.atZone(org.livecomply.commons.calendar.WorkingDayCalendar.CHINA);
        Instant configured = verified.plus(reverificationPeriod).toInstant();
        Instant legal = verified.plus(LEGAL_MAXIMUM).toInstant();
        return configured.isBefore(legal) ? configured : legal;
    }

    /** The state a room operator is in at {@code now}: due and overdue follow from the deadline. */
    public RoomOperatorState effective(RoomOperatorState stored, Instant due, Instant now) {
        if (stored != RoomOperatorState.VERIFIED || due == null) {
            return stored;
        }
        if (now.isAfter(due)) {
            return RoomOperatorState.REVERIFICATION_OVERDUE;
        }
        return now.isBefore(due.minus(reminderLead)) ? RoomOperatorState.VERIFIED : RoomOperatorState.REVERIFICATION_DUE;
    }

    /** Whether a marketer last verified at {@code lastVerified} is verified recently enough at {@code now}. */
    public boolean marketerCheckCurrent(Instant lastVerified, Instant now) {
        return lastVerified != null && !now.isAfter(lastVerified.plus(marketerValidity));
    }
}
