package org.livecomply.identity.grpc;

import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.SessionRoster;

/** Session rosters to proto. */
final class RosterMapper {

    private RosterMapper() {
    }

    static org.livecomply.api.identity.v1.SessionRoster toProto(SessionRoster roster) {
        return org.livecomply.api.identity.v1.SessionRoster.newBuilder()
                .setName(roster.name())
                .setSessionId(roster.sessionId())
                .addAllMarketers(roster.marketerIds().stream().map(id -> Marketer.COLLECTION + id).toList())
                .setSubmitTime(ProtoValues.timestamp(roster.submitTime()))
                .setRetainUntilTime(ProtoValues.timestamp(roster.retainUntil()))
                .build();
    }
}
