package org.livecomply.identity.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.livecomply.commons.error.Violations;

/**
 * New values for some fields of a registration file (Art. 8 ¶1). Only {@code fields} are applied;
 * identifiers (kind, USCC, ID number) are not updatable.
 */
public record RoomOperatorUpdate(Set<Field> fields, String legalName, PostalAddress businessAddress, Contact contact,
                                 List<Certificate> licences, List<LiveAccount> liveAccounts) {

    private static final String PATH = "room_operator.";

    /** Updatable fields, by their API path. */
    public enum Field {
        LEGAL_NAME("legal_name"), BUSINESS_ADDRESS("business_address"), CONTACT("contact"), LICENCES("licences"), LIVE_ACCOUNTS("live_accounts");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public RoomOperatorUpdate {
        fields = Set.copyOf(fields);
        licences = List.copyOf(licences);
        liveAccounts = List.copyOf(liveAccounts);
    }

    public void check(Violations violations) {
        if (fields.contains(Field.LEGAL_NAME)) {
            violations.text(PATH + "legal_name", legalName, 1, 100);
        }
        if (fields.contains(Field.BUSINESS_ADDRESS)) {
            if (businessAddress == null) {
                violations.add(PATH + "business_address", PATH + "business_address is required (actual business address, Art. 8 ¶1)");
            } else {
                businessAddress.check(PATH + "business_address", violations);
            }
        }
        if (fields.contains(Field.CONTACT)) {
            if (contact == null) {
                violations.add(PATH + "contact", PATH + "contact is required (Art. 8 ¶1)");
            } else {
                contact.check(PATH + "contact", violations);
            }
        }
        if (fields.contains(Field.LICENCES)) {
            violations.when(licences.size() > NewRoomOperator.MAX_LICENCES, PATH + "licences", "at most " + NewRoomOperator.MAX_LICENCES + " licences");
            for (int i = 0; i < Math.min(licences.size(), NewRoomOperator.MAX_LICENCES); i++) {
                licences.get(i).check(PATH + "licences[" + i + "]", violations);
            }
        }
        if (fields.contains(Field.LIVE_ACCOUNTS)) {
            violations.when(liveAccounts.isEmpty(), PATH + "live_accounts", "at least one live account is required")
                    .when(liveAccounts.size() > NewRoomOperator.MAX_LIVE_ACCOUNTS, PATH + "live_accounts",
                            "at most " + NewRoomOperator.MAX_LIVE_ACCOUNTS + " live accounts");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < Math.min(liveAccounts.size(), NewRoomOperator.MAX_LIVE_ACCOUNTS); i++) {
                liveAccounts.get(i).check(PATH + "live_accounts[" + i + "]", violations);
                violations.when(!seen.add(liveAccounts.get(i).accountId()), PATH + "live_accounts[" + i + "].account_id", "account_id is listed twice");
            }
        }
    }
}
