package org.livecomply.commons.paging;

import org.livecomply.commons.error.Violations;

/** AIP-158 page sizes: 0 means the default; above the maximum is coerced down; negative is refused. */
public final class PageSize {

    public static final int DEFAULT = 50;
    public static final int MAXIMUM = 200;

    private PageSize() {
    }

    public static int resolve(int requested) {
        if (requested == 0) {
            return DEFAULT;
        }
        return Math.min(requested, MAXIMUM);
    }

    public static Violations check(int requested, Violations violations) {
        return violations.when(requested < 0, "page_size", "page_size must not be negative");
    }
}
