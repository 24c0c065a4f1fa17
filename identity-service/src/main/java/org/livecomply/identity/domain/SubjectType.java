package org.livecomply.identity.domain;

/** Who a verification, roster line or disclosure is about. */
public enum SubjectType {
    ROOM_OPERATOR("roomOperators/"),
    MARKETER("marketers/");

    private final String collection;

    SubjectType(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }
}
