package org.livecomply.identity.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.error.Violations;

/** A registration as submitted (Art. 8 ¶1), before it is checked. Field paths in violations are the API's. */
public record NewRoomOperator(
        RoomOperatorKind kind,
        String legalName,
        String uscc,
        String idNumber,
        PostalAddress businessAddress,
        Contact contact,
        List<Certificate> licences,
        List<LiveAccount> liveAccounts) {

    public static final int MAX_LICENCES = 20;
    public static final int MAX_LIVE_ACCOUNTS = 20;
    public static final int MINIMUM_AGE = 16;
    public static final String UNDER_16 = "ROOM_OPERATOR_UNDER_16";
    private static final String PATH = "room_operator.";

    public NewRoomOperator {
        licences = List.copyOf(licences);
        liveAccounts = List.copyOf(liveAccounts);
    }

    /** Adds every malformed, missing or out-of-range field to {@code violations}. */
    public void check(Violations violations, LocalDate today) {
        violations.when(kind == null, PATH + "kind", PATH + "kind is required")
                .text(PATH + "legal_name", legalName, 1, 100);
        if (kind != null && kind.hasUscc()) {
            identifier(violations, "uscc", uscc, Uscc::problem);
            violations.when(!isEmpty(idNumber), PATH + "id_number", PATH + "id_number must be empty for a " + kind + " (it is identified by its USCC)");
        }
        if (kind == RoomOperatorKind.NATURAL_PERSON) {
            identifier(violations, "id_number", idNumber, value -> ResidentIdNumber.parse(value, today).problem());
            violations.when(!isEmpty(uscc), PATH + "uscc", PATH + "uscc must be empty for a natural person (identified by the ID number)");
        }
        if (businessAddress == null) {
            violations.add(PATH + "business_address", PATH + "business_address is required (actual business address, Art. 8 ¶1)");
        } else {
            businessAddress.check(PATH + "business_address", violations);
        }
        if (contact == null) {
            violations.add(PATH + "contact", PATH + "contact is required (Art. 8 ¶1)");
        } else {
            contact.check(PATH + "contact", violations);
        }
        violations.when(licences.size() > MAX_LICENCES, PATH + "licences", "at most " + MAX_LICENCES + " licences");
        for (int i = 0; i < Math.min(licences.size(), MAX_LICENCES); i++) {
            licences.get(i).check(PATH + "licences[" + i + "]", violations);
        }
        violations.when(liveAccounts.isEmpty(), PATH + "live_accounts", "at least one live account is required")
                .when(liveAccounts.size() > MAX_LIVE_ACCOUNTS, PATH + "live_accounts", "at most " + MAX_LIVE_ACCOUNTS + " live accounts");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(liveAccounts.size(), MAX_LIVE_ACCOUNTS); i++) {
            LiveAccount account = liveAccounts.get(i);
            account.check(PATH + "live_accounts[" + i + "]", violations);
            violations.when(!seen.add(account.accountId()), PATH + "live_accounts[" + i + "].account_id", "account_id is listed twice");
        }
    }

    /** The parsed ID number of a natural person (call after {@link #check} passed). */
    public Optional<ResidentIdNumber> residentId(LocalDate today) {
        return kind == RoomOperatorKind.NATURAL_PERSON ? ResidentIdNumber.parse(idNumber, today).number() : Optional.empty();
    }

    /** Rules beyond well-formedness: a natural person must be at least 16 (MPL Art. 76). */
    public void enforceRules(LocalDate today) {
        residentId(today).ifPresent(id -> {
            if (id.ageOn(today) < MINIMUM_AGE) {
                throw new RuleViolationException(new RuleViolation(UNDER_16, "MPL Art. 76; Art. 8 ¶1", "room_operator.id_number",
                        "a natural-person room operator must be at least " + MINIMUM_AGE + " years old; born " + id.birthDate()));
            }
        });
    }

    private static void identifier(Violations violations, String field, String value, Function<String, Optional<String>> problem) {
        if (isEmpty(value)) {
            violations.add(PATH + field, PATH + field + " is required");
        } else {
            problem.apply(value).ifPresent(text -> violations.add(PATH + field, PATH + field + " " + text));
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
