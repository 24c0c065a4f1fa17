package org.livecomply.devrun.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Random;

/**
 * Valid, random identifiers for the demo's people and companies, different on every run, so that the demo
 * can run again against the same databases (identity registers each ID number and USCC once).
 */
final class FreshIdentities {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final Random random = new SecureRandom();

    /** A resident ID number (GB 11643-1999) of someone from Hangzhou's Xihu district born on {@code birth}. */
    String idNumber(LocalDate birth) {
        String body = "330106" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A unified social credit code (GB 32100-2015) of a company registered in Hangzhou. */
    String uscc() {
        StringBuilder body = new StringBuilder("91330106");
        while (body.length() < 17) {
            body.append(USCC_CHARS.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return body.toString() + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** A birth date between {@code earliest} and {@code earliest + days}. */
    LocalDate birthBetween(LocalDate earliest, int days) {
        return earliest.plusDays(random.nextInt(days));
    }

    /** A mainland mobile number. */
    String mobile() {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Six characters [a-z0-9] naming one run of the demo. */
    String runId() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(chars.charAt(random.nextInt(chars.length())));
        }
        return id.toString();
    }
}
