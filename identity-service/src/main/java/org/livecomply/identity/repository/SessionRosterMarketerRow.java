package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One marketer of a roster, in submitted order. */
@MappedEntity("session_roster_marketers")
public record SessionRosterMarketerRow(@Id @GeneratedValue @Nullable Long seq, Long rosterSeq, int position, Long marketerSeq) {
}
