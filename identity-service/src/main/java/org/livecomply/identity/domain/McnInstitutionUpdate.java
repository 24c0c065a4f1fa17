package org.livecomply.identity.domain;

import java.util.Set;
import org.livecomply.commons.error.Violations;

/**
 * New values for some fields of an MCN institution's file (Arts. 39, 43: the platform deals with the
 * institution as it currently is). Only {@code fields} are applied; the USCC is not updatable.
 */
public record McnInstitutionUpdate(Set<Field> fields, String legalName, PostalAddress businessAddress, Contact contact) {

    private static final String PATH = "mcn_institution.";

    /** Updatable fields, by their API path. */
    public enum Field {
        LEGAL_NAME("legal_name"), BUSINESS_ADDRESS("business_address"), CONTACT("contact");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public McnInstitutionUpdate {
        fields = Set.copyOf(fields);
    }

    public void check(Violations violations) {
        if (fields.contains(Field.LEGAL_NAME)) {
            violations.text(PATH + "legal_name", legalName, 1, 100);
        }
        if (fields.contains(Field.BUSINESS_ADDRESS)) {
            if (businessAddress == null) {
                violations.add(PATH + "business_address", PATH + "business_address is required");
            } else {
                businessAddress.check(PATH + "business_address", violations);
            }
        }
        if (fields.contains(Field.CONTACT)) {
            if (contact == null) {
                violations.add(PATH + "contact", PATH + "contact is required");
            } else {
                contact.check(PATH + "contact", violations);
            }
        }
    }
}
