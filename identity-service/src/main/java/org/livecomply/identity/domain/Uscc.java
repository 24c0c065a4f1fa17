package org.livecomply.identity.domain;

import java.util.Optional;

/** Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character. */
public final class Uscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** What is wrong with {@code code}, or empty when it is a well-formed USCC. */
    public static Optional<String> problem(String code) {
        if (code.length() != 18) {
            return Optional.of("must be 18 characters, not " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("contains '" + code.charAt(i) + "', which GB 32100-2015 does not use (digits and upper-case letters except I, O, Z, S, V)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("characters 3-8 must be the digits of an administrative division code");
            }
        }
        if (code.charAt(17) != checkCharacter(code)) {
            return Optional.of("check character does not match (GB 32100-2015)");
        }
        return Optional.empty();
    }

    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
