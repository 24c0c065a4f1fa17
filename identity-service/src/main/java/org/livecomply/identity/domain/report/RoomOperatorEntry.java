package org.livecomply.identity.domain.report;

import java.util.List;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.PostalAddress;

/**
 * A room operator as reported to the regulator (Art. 9 (1), (2)), unmasked: the USCC for entities and
 * individual businesses, the resident ID number for natural persons.
 */
public record RoomOperatorEntry(String legalName, String uscc, String idNumber, PostalAddress address, Contact contact,
                                List<LiveAccount> liveAccounts) {
}
