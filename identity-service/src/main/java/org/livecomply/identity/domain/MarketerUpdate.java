package org.livecomply.identity.domain;

import java.util.List;
import java.util.Set;
import org.livecomply.commons.error.Violations;

/** New values for some fields of a marketer's file (Art. 8 ¶2); the ID number is not updatable. */
public record MarketerUpdate(Set<Field> fields, String legalName, PostalAddress habitualAddress, Contact contact, String mcnInstitutionId,
                             List<Certificate> qualifications, String occupation) {

    private static final String PATH = "marketer.";

    /** Updatable fields, by their API path. */
    public enum Field {
        LEGAL_NAME("legal_name"), HABITUAL_ADDRESS("habitual_address"), CONTACT("contact"), MCN_INSTITUTION("mcn_institution"),
        QUALIFICATIONS("qualifications"), OCCUPATION("occupation");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public MarketerUpdate {
        fields = Set.copyOf(fields);
        qualifications = List.copyOf(qualifications);
    }

    public void check(Violations violations) {
        if (fields.contains(Field.LEGAL_NAME)) {
            violations.text(PATH + "legal_name", legalName, 1, 100);
        }
        if (fields.contains(Field.HABITUAL_ADDRESS)) {
            if (habitualAddress == null) {
                violations.add(PATH + "habitual_address", PATH + "habitual_address is required (Art. 8 ¶2)");
            } else {
                habitualAddress.check(PATH + "habitual_address", violations);
            }
        }
        if (fields.contains(Field.CONTACT)) {
            if (contact == null) {
                violations.add(PATH + "contact", PATH + "contact is required (Art. 8 ¶2)");
            } else {
                contact.check(PATH + "contact", violations);
            }
        }
        if (fields.contains(Field.QUALIFICATIONS)) {
            violations.when(qualifications.size() > NewMarketer.MAX_QUALIFICATIONS, PATH + "qualifications",
                    "at most " + NewMarketer.MAX_QUALIFICATIONS + " qualifications");
            for (int i = 0; i < Math.min(qualifications.size(), NewMarketer.MAX_QUALIFICATIONS); i++) {
                qualifications.get(i).check(PATH + "qualifications[" + i + "]", violations);
            }
        }
        if (fields.contains(Field.OCCUPATION)) {
            violations.text(PATH + "occupation", occupation, 0, 100);
        }
    }
}
