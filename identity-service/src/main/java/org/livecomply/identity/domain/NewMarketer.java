package org.livecomply.identity.domain;

import java.time.LocalDate;
import java.util.List;
import org.livecomply.commons.error.Violations;

/** A marketer's identity as the room operator supplies it before the first session (Art. 8 ¶2). */
public record NewMarketer(
        String legalName,
        String idNumber,
        PostalAddress habitualAddress,
        Contact contact,
        String mcnInstitutionId,
        List<Certificate> qualifications,
        String occupation) {

    public static final int MAX_QUALIFICATIONS = 20;
    private static final String PATH = "marketer.";

    public NewMarketer {
        qualifications = List.copyOf(qualifications);
    }

    public void check(Violations violations, LocalDate today) {
        violations.text(PATH + "legal_name", legalName, 1, 100);
        if (idNumber == null || idNumber.isEmpty()) {
            violations.add(PATH + "id_number", PATH + "id_number is required (Art. 8 ¶2)");
        } else {
            ResidentIdNumber.parse(idNumber, today).problem()
                    .ifPresent(problem -> violations.add(PATH + "id_number", PATH + "id_number " + problem));
        }
        if (habitualAddress == null) {
            violations.add(PATH + "habitual_address", PATH + "habitual_address is required (Art. 8 ¶2)");
        } else {
            habitualAddress.check(PATH + "habitual_address", violations);
        }
        if (contact == null) {
            violations.add(PATH + "contact", PATH + "contact is required (Art. 8 ¶2)");
        } else {
            contact.check(PATH + "contact", violations);
        }
        violations.when(qualifications.size() > MAX_QUALIFICATIONS, PATH + "qualifications", "at most " + MAX_QUALIFICATIONS + " qualifications");
        for (int i = 0; i < Math.min(qualifications.size(), MAX_QUALIFICATIONS); i++) {
            qualifications.get(i).check(PATH + "qualifications[" + i + "]", violations);
        }
        violations.text(PATH + "occupation", occupation, 0, 100);
    }

    /** The parsed ID number (call after {@link #check} passed). */
    public ResidentIdNumber residentId(LocalDate today) {
        return ResidentIdNumber.parse(idNumber, today).number().orElseThrow();
    }
}
