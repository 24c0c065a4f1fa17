package org.livecomply.identity.domain.report;

import java.util.List;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.PostalAddress;

/** A marketer as reported to the regulator (Art. 9 (3)), unmasked; the MCN by its registered name and USCC (null when independent). */
public record MarketerEntry(String legalName, String idNumber, PostalAddress habitualAddress, Contact contact, String mcnName, String mcnUscc,
                            List<Certificate> qualifications, String occupation) {
}
