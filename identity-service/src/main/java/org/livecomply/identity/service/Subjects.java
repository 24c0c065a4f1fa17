package org.livecomply.identity.service;

import jakarta.inject.Singleton;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;

/** Finds a room operator or marketer by type and id, for records that can be about either. */
@Singleton
public class Subjects {

    public static final String SUBJECT_NOT_FOUND = "SUBJECT_NOT_FOUND";

    private final RoomOperatorStore roomOperators;
    private final MarketerStore marketers;

    public Subjects(RoomOperatorStore roomOperators, MarketerStore marketers) {
        this.roomOperators = roomOperators;
        this.marketers = marketers;
    }

    /** The subject's row sequence number, or NOT_FOUND. */
    public long seq(SubjectType type, String id) {
        NotFoundException missing = new NotFoundException(SUBJECT_NOT_FOUND, type.collection() + id);
        return type == SubjectType.ROOM_OPERATOR
                ? roomOperators.row(id).map(RoomOperatorRow::seq).orElseThrow(() -> missing)
                : marketers.row(id).map(MarketerRow::seq).orElseThrow(() -> missing);
    }
}
