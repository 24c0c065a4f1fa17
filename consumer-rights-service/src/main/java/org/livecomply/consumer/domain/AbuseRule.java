package org.livecomply.consumer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Art. 20 ¶1: identify abuse of the complaint mechanism. The platform's published rule, checked at filing:
 * a complaint is flagged when its complainant (the same contact or buyer reference) filed more than
 * {@code repeatLimit} complaints in the {@code repeatWindow} before it, or when another complaint about the
 * same order was filed in the {@code duplicateWindow} before it. A window is half-open: a complaint filed
 * exactly a window's length before does not count. The rule only flags, with its reason; a person decides.
 */
public record AbuseRule(boolean enabled, int repeatLimit, Duration repeatWindow, Duration duplicateWindow) {

    public static final String ARTICLE = "Art. 20 ¶1";
    public static final int MAX_LIMIT = 1000;
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final int NUMBERS_SHOWN = 10;

    public AbuseRule {
        if (repeatLimit < 1 || repeatLimit > MAX_LIMIT) {
            throw new IllegalArgumentException("the repeat limit must be 1.." + MAX_LIMIT + ", not " + repeatLimit);
        }
        window(repeatWindow, "repeat");
        window(duplicateWindow, "duplicate");
    }

    /** An earlier complaint that may count: its number and filing time. */
    public record Earlier(String number, Instant createTime) {
    }

    /** Why the complaint filed at {@code filedAt} is flagged, or empty; {@code sameComplainant} and {@code sameOrder} may hold more than counts. */
    public Optional<String> judge(Instant filedAt, List<Earlier> sameComplainant, List<Earlier> sameOrder) {
        if (!enabled) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        List<String> repeats = within(sameComplainant, filedAt, repeatWindow);
        // This complaint is the complainant's (repeats + 1)-th in the window: more than the limit once repeats reach it.
        if (repeats.size() >= repeatLimit) {
            reasons.add("this is the complainant's complaint number " + (repeats.size() + 1) + " in " + human(repeatWindow)
                    + ", more than the published limit of " + repeatLimit + " (earlier: " + shown(repeats) + ")");
        }
        List<String> duplicates = within(sameOrder, filedAt, duplicateWindow);
        if (!duplicates.isEmpty()) {
            reasons.add("another complaint about the same order was filed within " + human(duplicateWindow) + " before it (earlier: "
                    + shown(duplicates) + ")");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Automatic check (" + ARTICLE + "), for a person to review: " + String.join("; ", reasons) + ".");
    }

    private static List<String> within(List<Earlier> earlier, Instant filedAt, Duration window) {
        Instant since = filedAt.minus(window);
        return earlier.stream().filter(e -> e.createTime().isAfter(since) && !e.createTime().isAfter(filedAt)).map(Earlier::number).toList();
    }

    private static String shown(List<String> numbers) {
        return numbers.size() <= NUMBERS_SHOWN ? String.join(", ", numbers)
                : String.join(", ", numbers.subList(0, NUMBERS_SHOWN)) + " and " + (numbers.size() - NUMBERS_SHOWN) + " more";
    }

    private static String human(Duration window) {
        if (window.toSeconds() % 86_400 == 0 && window.toDays() > 2) {
            return window.toDays() + " d";
        }
        if (window.toSeconds() % 3600 == 0) {
            return window.toHours() + " h";
        }
        return window.toMinutes() + " min";
    }

    private static void window(Duration window, String name) {
        if (window == null || window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the " + name + " window must be more than 0 and at most 366 days");
        }
    }
}
