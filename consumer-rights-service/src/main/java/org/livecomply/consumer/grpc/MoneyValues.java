package org.livecomply.consumer.grpc;

import org.livecomply.api.type.v1.Money;
import org.livecomply.commons.error.Violations;

/** Money between proto (Money in fen) and domain (long fen, CNY only). */
final class MoneyValues {

    private MoneyValues() {
    }

    static Money money(long fen) {
        return Money.newBuilder().setCurrencyCode(org.livecomply.consumer.domain.Money.CNY).setAmountMinor(fen).build();
    }

    /**
     * The amount in fen of a CNY {@code money} of {@code min}..10^12 fen; null (with violations on {@code field}'s
     * parts, or on {@code field} when required and absent) otherwise.
     */
    static Long fen(boolean present, Money money, String field, boolean required, long min, Violations violations) {
        if (!present) {
            violations.when(required, field, field + " is required");
            return null;
        }
        boolean good = true;
        if (!org.livecomply.consumer.domain.Money.CNY.equals(money.getCurrencyCode())) {
            violations.add(field + ".currency_code", field + ".currency_code must be CNY");
            good = false;
        }
        if (money.getAmountMinor() < min || money.getAmountMinor() > org.livecomply.consumer.domain.Money.MAX_FEN) {
            violations.add(field + ".amount_minor", field + ".amount_minor must be " + min + ".." + org.livecomply.consumer.domain.Money.MAX_FEN
                    + " fen, not " + money.getAmountMinor());
            good = false;
        }
        return good ? money.getAmountMinor() : null;
    }
}
