package org.livecomply.identity.domain;

import org.livecomply.commons.error.Violations;

/** An address; {@code streetAddress} is personal data (masked when read back). */
public record PostalAddress(String regionCode, String province, String city, String district, String streetAddress, String postalCode) {

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[A-Z]{2}");
    private static final java.util.regex.Pattern POSTAL_CODE = java.util.regex.Pattern.compile("[0-9]{6}");

    /** "CN" when none was given. */
    public String regionOrDefault() {
        return regionCode == null || regionCode.isEmpty() ? "CN" : regionCode;
    }

    void check(String path, Violations violations) {
        violations.matches(path + ".region_code", regionCode, REGION, "an ISO 3166-1 alpha-2 code such as CN")
                .text(path + ".province", province, 1, 50)
                .text(path + ".city", city, 1, 50)
                .text(path + ".district", district, 1, 50)
                .text(path + ".street_address", streetAddress, 1, 200)
                .matches(path + ".postal_code", postalCode, POSTAL_CODE, "6 digits");
    }
}
