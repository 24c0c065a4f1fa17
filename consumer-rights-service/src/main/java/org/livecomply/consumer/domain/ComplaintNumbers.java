package org.livecomply.consumer.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * Complaint numbers a person can read out on the phone: {@code C} + the China date of filing + six
 * characters from an alphabet without 0/O, 1/I/L, 2/Z, 5/S, 8/B (e.g. {@code C20261129-7KQ4XP}).
 */
public final class ComplaintNumbers {

    public static final Pattern NUMBER = Pattern.compile("C20[0-9]{6}-[34679ACDEFGHJKMNPQRTUVWXY]{6}");
    private static final char[] ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(WorkingDayCalendar.CHINA);

    private final SecureRandom random = new SecureRandom();

    public String next(Instant filedAt) {
        StringBuilder number = new StringBuilder("C").append(DAY.format(filedAt)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    public static boolean isNumber(String value) {
        return value != null && NUMBER.matcher(value).matches();
    }
}
