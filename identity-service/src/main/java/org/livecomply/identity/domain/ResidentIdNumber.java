package org.livecomply.identity.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** PRC resident identity card number (居民身份证号码), GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check. */
public record ResidentIdNumber(String value, LocalDate birthDate) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    /** The number, or what is wrong with it; a birth date after {@code today} is wrong. */
    public static Result parse(String raw, LocalDate today) {
        String value = raw.toUpperCase(java.util.Locale.ROOT);
        if (!value.matches("[1-9][0-9]{16}[0-9X]")) {
            return Result.problem("must be 17 digits followed by a digit or X (GB 11643-1999)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.problem("digits 7-14 are not a real date of birth");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            return Result.problem("date of birth " + birth + " is out of range");
        }
        if (value.charAt(17) != checkDigit(value)) {
            return Result.problem("check digit does not match (GB 11643-1999)");
        }
        return new Result(Optional.of(new ResidentIdNumber(value, birth)), Optional.empty());
    }

    /** Full years of age on {@code day}. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    static char checkDigit(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }

    /** Either a number or a problem. */
    public record Result(Optional<ResidentIdNumber> number, Optional<String> problem) {

        static Result problem(String problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }
}
