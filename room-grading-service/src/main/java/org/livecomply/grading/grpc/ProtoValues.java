package org.livecomply.grading.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.livecomply.api.type.v1.Date;
import org.livecomply.api.type.v1.Money;
import org.livecomply.commons.error.Violations;

/** Conversions of proto value types and enums. */
public final class ProtoValues {

    private static final long MAX_DURATION_SECONDS = 3650L * 24 * 3600;

    private ProtoValues() {
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A set timestamp as an Instant (years 1..9999 as in the proto spec); unset is null. */
    public static Instant instant(boolean present, Timestamp timestamp, String field, Violations violations) {
        if (!present) {
            return null;
        }
        if (timestamp.getSeconds() < -62_135_596_800L || timestamp.getSeconds() > 253_402_300_799L
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            violations.add(field, field + " is out of range");
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** A set duration (0 < d ≤ 3650 days, whole seconds) as java.time; unset is null. */
    public static java.time.Duration duration(boolean present, Duration duration, String field, Violations violations) {
        if (!present) {
            return null;
        }
        if (duration.getSeconds() <= 0 || duration.getSeconds() > MAX_DURATION_SECONDS || duration.getNanos() != 0) {
            violations.add(field, field + " must be whole seconds, more than 0 and at most 3650 days");
            return null;
        }
        return java.time.Duration.ofSeconds(duration.getSeconds());
    }

    public static Duration duration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).build();
    }

    public static void setIfPresent(Instant instant, Consumer<Timestamp> setter) {
        if (instant != null) {
            setter.accept(timestamp(instant));
        }
    }

    public static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    /** CNY fen from a Money; another currency is a violation. */
    public static long fen(Money money, String field, Violations violations) {
        if (!money.getCurrencyCode().isEmpty() && !"CNY".equals(money.getCurrencyCode())) {
            violations.add(field + ".currency_code", field + ".currency_code must be CNY");
        }
        return money.getAmountMinor();
    }

    public static Money cny(long fen) {
        return Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(fen).build();
    }

    /**
     * The domain constant named like a proto enum value without its prefix ({@code MEASURE_WARNING → WARNING}),
     * or null for the unspecified or an unknown value.
     */
    public static <E extends Enum<E>> E domain(ProtocolMessageEnum value, String prefix, Class<E> type) {
        String name = ((Enum<?>) value).name();
        if ("UNRECOGNIZED".equals(name) || !name.startsWith(prefix) || name.endsWith("_UNSPECIFIED")) {
            return null;
        }
        return Enum.valueOf(type, name.substring(prefix.length()));
    }

    /** The proto enum value named {@code prefix + domain name}. */
    public static <P extends Enum<P>> P proto(Enum<?> value, String prefix, Class<P> type) {
        return Enum.valueOf(type, prefix + value.name());
    }
}
