package org.livecomply.training.domain;

import java.util.Arrays;
import java.util.Optional;

/** Who a course, a record or a notice is for; a subject's audience follows from its identity resource name. */
public enum Audience {
    MARKETER("marketers/", "Art. 10 ¶1"),
    ROOM_OPERATOR("roomOperators/", "Art. 10 ¶2"),
    MCN("mcnInstitutions/", "Art. 10 ¶2");

    private final String collection;
    private final String annualArticle;

    Audience(String collection, String annualArticle) {
        this.collection = collection;
        this.annualArticle = annualArticle;
    }

    /** The identity-service collection of the audience's subjects, e.g. {@code marketers/}. */
    public String collection() {
        return collection;
    }

    /** The article requiring yearly training: Art. 10 ¶1 trains marketers, ¶2 has room operators and MCNs study. */
    public String annualArticle() {
        return annualArticle;
    }

    public static Optional<Audience> ofResourceName(String name) {
        return Arrays.stream(values()).filter(a -> name != null && name.startsWith(a.collection)).findFirst();
    }
}
