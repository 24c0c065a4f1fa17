package org.livecomply.training.grpc;

import com.google.protobuf.FieldMask;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.livecomply.commons.error.Violations;

/** AIP-134 update masks: the named fields, or null with a violation on {@code update_mask}. */
final class FieldMasks {

    private FieldMasks() {
    }

    static <F extends Enum<F>> Set<F> fields(FieldMask mask, Class<F> type, Function<F, String> path, Violations violations) {
        Set<F> fields = EnumSet.noneOf(type);
        String updatable = String.join(", ", Arrays.stream(type.getEnumConstants()).map(path).toList());
        for (String requested : mask.getPathsList()) {
            Optional<F> field = Arrays.stream(type.getEnumConstants()).filter(f -> path.apply(f).equals(requested)).findFirst();
            if (field.isEmpty()) {
                violations.add("update_mask", "update_mask path '" + requested + "' cannot be updated: only " + updatable
                        + " can; code, audience and kind never change (create a new course)");
            } else {
                fields.add(field.get());
            }
        }
        violations.when(mask.getPathsCount() == 0, "update_mask", "update_mask must name at least one field");
        return fields.size() == mask.getPathsCount() && !fields.isEmpty() ? fields : null;
    }
}
