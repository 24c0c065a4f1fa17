package org.livecomply.identity.grpc;

import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.livecomply.api.type.v1.Date;
import org.livecomply.commons.error.Violations;

/** Conversions of the shared proto value types. */
final class ProtoValues {

    private ProtoValues() {
    }

    /** An unset date (all zero) is null; an impossible one is a violation on {@code field}. */
    static LocalDate date(Date date, String field, Violations violations) {
        if (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
            return null;
        }
        try {
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeException("year out of range");
            }
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            violations.add(field, field + " is not a real calendar date");
            return null;
        }
    }

    static Date date(LocalDate date) {
        return date == null ? Date.getDefaultInstance()
                : Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A set timestamp as an Instant (years 1..9999 as in the proto spec); unset is null. */
    static Instant instant(boolean present, Timestamp timestamp, String field, Violations violations) {
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

    /** Sets nothing for a null instant. */
    static void setIfPresent(Instant instant, java.util.function.Consumer<Timestamp> setter) {
        if (instant != null) {
            setter.accept(timestamp(instant));
        }
    }
}
