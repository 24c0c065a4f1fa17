package org.livecomply.identity.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.DisclosureChange;
import org.livecomply.identity.domain.NewDisclosureChange;

/** Disclosure changes between proto and domain. */
final class DisclosureChangeMapper {

    private DisclosureChangeMapper() {
    }

    static NewDisclosureChange fromProto(org.livecomply.api.identity.v1.DisclosureChange proto, Instant now, Violations violations) {
        List<DisclosureChange.Field> fields = new ArrayList<>();
        int unknown = 0;
        for (org.livecomply.api.identity.v1.DisclosureChange.Field field : proto.getChangedFieldsList()) {
            if (field == org.livecomply.api.identity.v1.DisclosureChange.Field.FIELD_UNSPECIFIED
                    || field == org.livecomply.api.identity.v1.DisclosureChange.Field.UNRECOGNIZED) {
                unknown++;
            } else {
                fields.add(DisclosureChange.Field.valueOf(field.name().substring("FIELD_".length())));
            }
        }
        NewDisclosureChange change = new NewDisclosureChange(fields, proto.getDescription(),
                ProtoValues.instant(proto.hasChangeTime(), proto.getChangeTime(), "disclosure_change.change_time", violations));
        change.check(unknown, now, violations);
        return change;
    }

    static org.livecomply.api.identity.v1.DisclosureChange toProto(DisclosureChange change, Instant now) {
        org.livecomply.api.identity.v1.DisclosureChange.Builder proto = org.livecomply.api.identity.v1.DisclosureChange.newBuilder()
                .setName(change.name())
                .setDescription(change.description())
                .setChangeTime(ProtoValues.timestamp(change.changeTime()))
                .setReportTime(ProtoValues.timestamp(change.reportTime()))
                .setReportDeadline(ProtoValues.timestamp(change.reportDeadline()))
                .setReportedLate(change.reportedLate())
                .setVerificationDeadline(ProtoValues.timestamp(change.verificationDeadline()))
                .setState(org.livecomply.api.identity.v1.DisclosureChange.State.valueOf("STATE_" + change.state().name()))
                .setCompletedBy(change.completedBy() == null ? "" : change.completedBy())
                .setCompletionNote(change.completionNote())
                .setVerificationOverdue(change.verificationOverdue(now));
        change.changedFields().forEach(f -> proto.addChangedFields(org.livecomply.api.identity.v1.DisclosureChange.Field.valueOf("FIELD_" + f.name())));
        ProtoValues.setIfPresent(change.completeTime(), proto::setCompleteTime);
        return proto.build();
    }

    /** The outcome of a completion: VERIFIED or REJECTED only. */
    static DisclosureChange.State outcome(org.livecomply.api.identity.v1.DisclosureChange.State state, Violations violations) {
        return switch (state) {
            case STATE_VERIFIED -> DisclosureChange.State.VERIFIED;
            case STATE_REJECTED -> DisclosureChange.State.REJECTED;
            default -> {
                violations.add("outcome", "outcome must be STATE_VERIFIED or STATE_REJECTED");
                yield null;
            }
        };
    }
}
