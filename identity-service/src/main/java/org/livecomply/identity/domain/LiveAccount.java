package org.livecomply.identity.domain;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A platform account through which the operator streams. */
public record LiveAccount(String accountId, String displayName) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    void check(String path, Violations violations) {
        violations.text(path + ".account_id", accountId, 1, 64)
                .matches(path + ".account_id", accountId, ACCOUNT_ID, "1..64 of [A-Za-z0-9_.-]")
                .text(path + ".display_name", displayName, 0, 100);
    }
}
