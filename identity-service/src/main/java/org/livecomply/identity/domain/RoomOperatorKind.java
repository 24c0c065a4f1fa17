package org.livecomply.identity.domain;

/** Who operates a room; decides the identifier (Art. 8 ¶1, Art. 9 (1)/(2)). */
public enum RoomOperatorKind {
    REGISTERED_ENTITY,
    INDIVIDUAL_BUSINESS,
    NATURAL_PERSON;

    public boolean hasUscc() {
        return this != NATURAL_PERSON;
    }
}
