package org.livecomply.identity.domain;

import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** An MCN institution (Arts. 38–45); address street line and contact masked when read back. */
public record McnInstitution(String id, String legalName, String uscc, PostalAddress businessAddress, Contact contact, Instant createTime,
                             Instant updateTime) {

    public static final String COLLECTION = "mcnInstitutions/";
    private static final String PATH = "mcn_institution.";

    public String name() {
        return COLLECTION + id;
    }

    /** Checks a new institution's caller-supplied fields. */
    public void check(Violations violations) {
        violations.text(PATH + "legal_name", legalName, 1, 100);
        if (uscc == null || uscc.isEmpty()) {
            violations.add(PATH + "uscc", PATH + "uscc is required");
        } else {
            Uscc.problem(uscc).ifPresent(p -> violations.add(PATH + "uscc", PATH + "uscc " + p));
        }
        if (businessAddress == null) {
            violations.add(PATH + "business_address", PATH + "business_address is required");
        } else {
            businessAddress.check(PATH + "business_address", violations);
        }
        if (contact == null) {
            violations.add(PATH + "contact", PATH + "contact is required");
        } else {
            contact.check(PATH + "contact", violations);
        }
    }
}
