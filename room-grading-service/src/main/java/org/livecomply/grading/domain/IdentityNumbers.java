package org.livecomply.grading.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Format checks of the identifiers a blacklist is keyed by, so that identity-service, which checks them
 * again, does not refuse an entry long after the officer's decision: resident ID numbers (GB 11643-1999,
 * ISO 7064 MOD 11-2 check digit, a real birth date) and USCCs (GB 32100-2015 check character).
 */
public final class IdentityNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdentityNumbers() {
    }

    /** What is wrong with a resident ID number, if anything. */
    public static Optional<String> residentIdProblem(String value, LocalDate today) {
        String id = value.toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("[0-9]{17}[0-9X]")) {
            return Optional.of("must be 17 digits and a check digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < 1900) {
                return Optional.of("has an impossible birth date");
            }
        } catch (DateTimeException e) {
            return Optional.of("has an impossible birth date");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17) ? Optional.empty() : Optional.of("has a wrong check digit");
    }

    /** What is wrong with a USCC, if anything. */
    public static Optional<String> usccProblem(String value) {
        if (value.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int code = USCC_CHARS.indexOf(value.charAt(i));
            if (code < 0) {
                return Optional.of("may only contain digits and the letters of GB 32100-2015");
            }
            if (i < 17) {
                sum += code * USCC_WEIGHTS[i];
            }
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == value.charAt(17) ? Optional.empty() : Optional.of("has a wrong check character");
    }
}
