package org.livecomply.identity.grpc;

import java.time.Instant;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.BlacklistEntry;
import org.livecomply.identity.domain.NewBlacklistEntry;

/** Blacklist entries between proto and domain. */
final class BlacklistMapper {

    private static final String PATH = "blacklist_entry.";

    private BlacklistMapper() {
    }

    static NewBlacklistEntry fromProto(org.livecomply.api.identity.v1.BlacklistEntry proto, Violations violations) {
        BlacklistEntry.IdentityType type = switch (proto.getIdentityType()) {
            case IDENTITY_TYPE_RESIDENT_ID -> BlacklistEntry.IdentityType.RESIDENT_ID;
            case IDENTITY_TYPE_USCC -> BlacklistEntry.IdentityType.USCC;
            default -> null;
        };
        return new NewBlacklistEntry(type, proto.getIdentity(), proto.getReason(), proto.getLegalBasis(), proto.getAppealChannel(),
                proto.getSource(),
                ProtoValues.instant(proto.hasStartTime(), proto.getStartTime(), PATH + "start_time", violations),
                ProtoValues.instant(proto.hasEndTime(), proto.getEndTime(), PATH + "end_time", violations));
    }

    static org.livecomply.api.identity.v1.BlacklistEntry toProto(BlacklistEntry entry, Instant now) {
        org.livecomply.api.identity.v1.BlacklistEntry.Builder proto = org.livecomply.api.identity.v1.BlacklistEntry.newBuilder()
                .setName(entry.name())
                .setIdentityType(org.livecomply.api.identity.v1.BlacklistEntry.IdentityType.valueOf("IDENTITY_TYPE_" + entry.identityType().name()))
                .setIdentity(entry.identity())
                .setReason(entry.reason())
                .setLegalBasis(entry.legalBasis())
                .setAppealChannel(entry.appealChannel())
                .setSource(entry.source())
                .setStartTime(ProtoValues.timestamp(entry.startTime()))
                .setState(org.livecomply.api.identity.v1.BlacklistEntry.State.valueOf("STATE_" + entry.stateAt(now).name()))
                .setCreateTime(ProtoValues.timestamp(entry.createTime()));
        ProtoValues.setIfPresent(entry.endTime(), proto::setEndTime);
        if (entry.revokeTime() != null) {
            proto.setRevokeTime(ProtoValues.timestamp(entry.revokeTime())).setRevokeReason(entry.revokeReason()).setRevokeSource(entry.revokeSource());
        }
        return proto.build();
    }

    static BlacklistEntry.State stateFilter(org.livecomply.api.identity.v1.BlacklistEntry.State state, Violations violations) {
        return switch (state) {
            case STATE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> {
                violations.add("state", "state has an unknown value");
                yield null;
            }
            default -> BlacklistEntry.State.valueOf(state.name().substring("STATE_".length()));
        };
    }
}
