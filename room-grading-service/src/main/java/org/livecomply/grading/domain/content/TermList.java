package org.livecomply.grading.domain.content;

import java.time.Instant;
import java.util.List;
import org.livecomply.commons.error.Violations;

/** A versioned list of pre-review terms: data, not code. */
public record TermList(int version, String description, List<Term> terms, String createdBy, Instant createTime) {

    public static final String COLLECTION = "termLists/";
    public static final String CURRENT = "current";
    static final int MAX_TERMS = 2000;

    public TermList {
        terms = List.copyOf(terms);
    }

    public String name() {
        return COLLECTION + version;
    }

    public static void check(String description, List<Term> terms, String path, Violations violations) {
        violations.text(path + "description", description, 1, 500)
                .when(terms.isEmpty() || terms.size() > MAX_TERMS, path + "terms", path + "terms needs 1.." + MAX_TERMS + " terms");
        for (int i = 0; i < Math.min(terms.size(), MAX_TERMS); i++) {
            terms.get(i).check(path + "terms[" + i + "]", violations);
        }
    }
}
