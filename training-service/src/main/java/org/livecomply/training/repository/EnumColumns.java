package org.livecomply.training.repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of enum constants stored as one comma-separated column (small, immutable sets such as topics). */
public final class EnumColumns {

    private EnumColumns() {
    }

    public static <E extends Enum<E>> String join(Collection<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> parse(String column, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (!column.isEmpty()) {
            Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }
}
