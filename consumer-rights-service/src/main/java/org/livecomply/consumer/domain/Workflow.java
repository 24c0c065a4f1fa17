package org.livecomply.consumer.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * The published complaint process (Art. 20: a clear process): received → acknowledged → in progress →
 * resolved / rejected / escalated, with waits on the consumer or the merchant from any open step, which
 * return to the step they paused. Terminal steps take no further step.
 */
public final class Workflow {

    public static final String STEP_NOT_ALLOWED = "COMPLAINT_STEP_NOT_ALLOWED";
    public static final String COMPLAINT_CLOSED = "COMPLAINT_CLOSED";
    static final String ARTICLE = "Art. 20";

    private static final Set<ComplaintState> OPEN = EnumSet.of(ComplaintState.RECEIVED, ComplaintState.ACKNOWLEDGED,
            ComplaintState.IN_PROGRESS, ComplaintState.WAITING);

    /** A step of the process, its timeline event and the states it may start from. */
    public enum Step {
        ACKNOWLEDGE(EventKind.ACKNOWLEDGED, EnumSet.of(ComplaintState.RECEIVED)),
        RESPOND(EventKind.RESPONDED, EnumSet.of(ComplaintState.RECEIVED, ComplaintState.ACKNOWLEDGED, ComplaintState.IN_PROGRESS)),
        PAUSE(EventKind.PAUSED, OPEN),
        RESUME(EventKind.RESUMED, EnumSet.of(ComplaintState.WAITING)),
        RESOLVE(EventKind.RESOLVED, OPEN),
        REJECT(EventKind.REJECTED, OPEN),
        ESCALATE(EventKind.ESCALATED, OPEN),
        FLAG_ABUSE(EventKind.ABUSE_FLAGGED, OPEN),
        CLEAR_ABUSE_FLAG(EventKind.ABUSE_FLAG_CLEARED, OPEN),
        // Art. 5; ECL Art. 58: the platform may pay first while the complaint is handled, with its outcome or
        // after a regulator took it over; a rejected complaint found nothing to compensate.
        PAY_ADVANCE_COMPENSATION(EventKind.ADVANCE_COMPENSATION_PAID, EnumSet.complementOf(EnumSet.of(ComplaintState.REJECTED))),
        // ECL Art. 63: online dispute resolution is part of the platform's handling, so only while it is open.
        PROPOSE_SETTLEMENT(EventKind.SETTLEMENT_PROPOSED, OPEN),
        ANSWER_SETTLEMENT(EventKind.SETTLEMENT_ACCEPTED, OPEN);

        private final EventKind event;
        private final Set<ComplaintState> from;

        Step(EventKind event, Set<ComplaintState> from) {
            this.event = event;
            this.from = from;
        }

        public EventKind event() {
            return event;
        }
    }

    /** Where a step leads: the state after it, and the state a later resume returns to. */
    public record Outcome(ComplaintState state, ComplaintState resumeState) {
    }

    private Workflow() {
    }

    /**
     * The outcome of {@code step} from {@code current} (and the state a running wait paused); FAILED_PRECONDITION
     * when the process does not allow it.
     */
    public static Outcome apply(String complaintName, ComplaintState current, ComplaintState resumeState, Step step) {
        if (!step.from.contains(current)) {
            if (current.isTerminal()) {
                throw new RuleViolationException(new RuleViolation(COMPLAINT_CLOSED, ARTICLE, complaintName,
                        "the complaint is " + lower(current) + " and takes no further step"));
            }
            throw new RuleViolationException(new RuleViolation(STEP_NOT_ALLOWED, ARTICLE, complaintName,
                    "a complaint that is " + lower(current) + " cannot be " + lower(step.event)));
        }
        return switch (step) {
            case ACKNOWLEDGE -> new Outcome(ComplaintState.ACKNOWLEDGED, null);
            case RESPOND -> new Outcome(ComplaintState.IN_PROGRESS, null);
            // A wait on the other party while waiting keeps the step the first wait paused.
            case PAUSE -> new Outcome(ComplaintState.WAITING, current == ComplaintState.WAITING ? resumeState : current);
            case RESUME -> new Outcome(resumeState, null);
            case RESOLVE -> new Outcome(ComplaintState.RESOLVED, null);
            case REJECT -> new Outcome(ComplaintState.REJECTED, null);
            case ESCALATE -> new Outcome(ComplaintState.ESCALATED, null);
            case FLAG_ABUSE, CLEAR_ABUSE_FLAG, PAY_ADVANCE_COMPENSATION, PROPOSE_SETTLEMENT, ANSWER_SETTLEMENT -> new Outcome(current, resumeState);
        };
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
