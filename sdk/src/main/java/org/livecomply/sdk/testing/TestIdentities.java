package org.livecomply.sdk.testing;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Well-formed identifiers for test data: the services (and the fakes) check the check character of a USCC
 * (GB 32100-2015) and the check digit and birth date of a resident ID number (GB 11643-1999). Each call gives
 * a fresh random one, so a test can register as many subjects as it needs.
 */
public final class TestIdentities {

    private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestIdentities() {
    }

    /** A resident ID number of someone born on {@code birthDate} (region 110105, Beijing Chaoyang). */
    public static String residentIdNumber(LocalDate birthDate) {
        String body = "110105" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", RANDOM.nextInt(1000));
        return body + idCheckDigit(body);
    }

    /** A unified social credit code of an enterprise registered in Hangzhou (9133 0106 …). */
    public static String uscc() {
        StringBuilder body = new StringBuilder("91330106");
        while (body.length() < 17) {
            body.append(USCC_CHARSET.charAt(RANDOM.nextInt(USCC_CHARSET.length())));
        }
        return body.toString() + usccCheckCharacter(body.toString());
    }

    static char idCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECKS.charAt(sum % 11);
    }

    static char usccCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARSET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return USCC_CHARSET.charAt(check == 31 ? 0 : check);
    }

    static String usccCharset() {
        return USCC_CHARSET;
    }
}
