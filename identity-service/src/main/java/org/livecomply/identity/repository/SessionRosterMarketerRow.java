package org.livecomply.identity.repository;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("session_roster_marketers")
public record SessionRosterMarketerRow(@EmbeddedId Key key, Long marketerSeq) {

    /** (roster, position). */
    @Embeddable
    public record Key(Long rosterSeq, int position) {
    }
}
