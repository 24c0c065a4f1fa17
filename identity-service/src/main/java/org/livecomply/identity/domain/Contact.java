package org.livecomply.identity.domain;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A phone number (required) and an e-mail address (optional); both personal data. */
public record Contact(String phone, String email) {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    void check(String path, Violations violations) {
        violations.text(path + ".phone", phone, 1, 20)
                .matches(path + ".phone", phone, PHONE, "a mainland mobile number (11 digits) or a fixed line with area code")
                .text(path + ".email", email, 0, 254)
                .matches(path + ".email", email, EMAIL, "an e-mail address");
    }
}
