package org.livecomply.consumer.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Set;
import org.livecomply.consumer.domain.ClockReading;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintEvent;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.EventKind;

/** The public API's JSON answers: only what the consumer may see (no actors, no internal notes, no other parties). */
public final class JsonViews {

    /** The timeline events shown to the consumer: the steps of the process, not the service's own bookkeeping. */
    static final Set<EventKind> PUBLIC_EVENTS = Set.of(EventKind.FILED, EventKind.ACKNOWLEDGED, EventKind.RESPONDED, EventKind.PAUSED,
            EventKind.RESUMED, EventKind.RESOLVED, EventKind.REJECTED, EventKind.ESCALATED);

    private JsonViews() {
    }

    /** A deadline. */
    @Serdeable
    public record Deadline(String kind, int workingDays, String deadlineTime, String state, @Nullable String stopTime) {
    }

    /** A step of the timeline. */
    @Serdeable
    public record Step(String kind, String time, String state) {
    }

    /** The answer to a filing: the secret comes only here. */
    @Serdeable
    public record Filed(String number, String statusToken, String statusUrl, String state, String createTime, List<Deadline> deadlines) {
    }

    /** The answer to a status request. */
    @Serdeable
    public record Status(String number, String category, String state, String createTime, @Nullable String closeTime, String resolution,
                         String rejectionReason, List<Deadline> deadlines, List<Step> timeline) {
    }

    /** The published policy (Art. 20) with the online dispute-resolution rules (ECL Art. 63). */
    @Serdeable
    public record Policy(int acknowledgeWorkingDays, int firstResponseWorkingDays, int resolveWorkingDays, boolean consumerWaitPausesClocks,
                         boolean merchantWaitPausesClocks, String sellerInformationTarget, int returnWindowDays, int refundDays,
                         List<String> process, List<String> disputeRoutes, List<String> onlineDisputeResolution) {
    }

    static List<Deadline> deadlines(Complaint complaint) {
        return complaint.clocks().stream().map(JsonViews::deadline).toList();
    }

    static Deadline deadline(ClockReading clock) {
        return new Deadline(clock.kind().name(), clock.workingDays(), clock.deadline().toString(), clock.state().name(),
                clock.stopTime() == null ? null : clock.stopTime().toString());
    }

    static Status status(Complaint complaint, List<ComplaintEvent> timeline) {
        return new Status(complaint.number(), complaint.category().name(), complaint.state().name(), complaint.createTime().toString(),
                complaint.closeTime() == null ? null : complaint.closeTime().toString(), complaint.resolution(), complaint.rejectionReason(),
                deadlines(complaint), timeline.stream().filter(e -> PUBLIC_EVENTS.contains(e.kind()))
                        .map(e -> new Step(e.kind().name(), e.occurTime().toString(), e.state().name())).toList());
    }

    static Policy policy(ComplaintPolicy policy, Lang lang) {
        return new Policy(policy.deadlines().acknowledgeDays(), policy.deadlines().firstResponseDays(), policy.deadlines().resolveDays(), true,
                policy.deadlines().merchantWaitPauses(), policy.sellerInformationTarget().toString(), policy.returnWindowDays(), policy.refundDays(),
                lang == Lang.ZH ? ComplaintPolicy.PROCESS_ZH : ComplaintPolicy.PROCESS_EN,
                lang == Lang.ZH ? ComplaintPolicy.DISPUTE_ROUTES_ZH : ComplaintPolicy.DISPUTE_ROUTES_EN,
                lang == Lang.ZH ? ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_ZH : ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_EN);
    }
}
