package org.livecomply.identity.domain;

/** List filter; null means any. */
public record RoomOperatorQuery(RoomOperatorState state, RoomOperatorKind kind) {

    /** Canonical text of the filter, to bind page tokens to it. */
    public String canonical() {
        return "ListRoomOperators?state=" + state + "&kind=" + kind;
    }
}
