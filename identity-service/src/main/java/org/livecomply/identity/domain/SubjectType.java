package org.livecomply.identity.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Who a verification, roster line, notice, income statement or revision is about. */
public enum SubjectType {
    ROOM_OPERATOR("roomOperators/"),
    MARKETER("marketers/"),
    /** Only as the owner of revisions: MCNs are not verified, noticed or reported as room operators and marketers are. */
    MCN_INSTITUTION("mcnInstitutions/");

    /**
     * The subjects of verifications (Art. 8), unreachable notices (Art. 22) and income statements (Order 810):
     * those who operate rooms or market in them.
     */
    public static final Set<SubjectType> ROOM_OPERATORS_AND_MARKETERS = Collections.unmodifiableSet(EnumSet.of(ROOM_OPERATOR, MARKETER));

    private final String collection;

    SubjectType(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }
}
