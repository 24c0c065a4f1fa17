package org.livecomply.consumer.domain;

import java.math.BigDecimal;

/** Amounts in fen (CNY minor units, never floating point) and their checks. */
public final class Money {

    public static final String CNY = "CNY";
    /** The archive's bound of a unit price, and the largest amount a caller may name here: 10^12 fen. */
    public static final long MAX_FEN = 1_000_000_000_000L;

    private Money() {
    }

    /** E.g. {@code ¥1,234.50}. */
    public static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "¥%,.2f", BigDecimal.valueOf(fen).movePointLeft(2));
    }
}
