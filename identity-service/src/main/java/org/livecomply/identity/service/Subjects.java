package org.livecomply.identity.service;

import jakarta.inject.Singleton;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.identity.domain.SubjectType;
import org.livecomply.identity.repository.MarketerRow;
import org.livecomply.identity.repository.MarketerStore;
import org.livecomply.identity.repository.RoomOperatorRow;
import org.livecomply.identity.repository.RoomOperatorStore;

/** Finds a room operator or marketer by type and id, for records that can be about either (never an MCN). */
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
        return switch (type) {
            case ROOM_OPERATOR -> roomOperators.row(id).map(RoomOperatorRow::seq).orElseThrow(() -> notFound(type, id));
            case MARKETER -> marketers.row(id).map(MarketerRow::seq).orElseThrow(() -> notFound(type, id));
            case MCN_INSTITUTION -> throw notSubject(type);
        };
    }

    /** Like {@link #seq}, with the subject's row locked for the rest of the transaction. */
    public long lockSeq(SubjectType type, String id) {
        return switch (type) {
            case ROOM_OPERATOR -> roomOperators.lock(id).map(RoomOperatorRow::seq).orElseThrow(() -> notFound(type, id));
            case MARKETER -> marketers.lock(id).map(MarketerRow::seq).orElseThrow(() -> notFound(type, id));
            case MCN_INSTITUTION -> throw notSubject(type);
        };
    }

    private static NotFoundException notFound(SubjectType type, String id) {
        return new NotFoundException(SUBJECT_NOT_FOUND, type.collection() + id);
    }

    /** The endpoints accept only {@link SubjectType#ROOM_OPERATORS_AND_MARKETERS} here, so this is a programming error. */
    private static IllegalArgumentException notSubject(SubjectType type) {
        return new IllegalArgumentException(type + " is not a room operator or marketer");
    }
}
