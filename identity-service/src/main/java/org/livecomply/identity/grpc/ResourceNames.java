package org.livecomply.identity.grpc;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** Parsing resource names such as {@code roomOperators/{uuid}} out of requests. */
final class ResourceNames {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ResourceNames() {
    }

    /** The id in {@code collection + uuid}, or null with a violation on {@code field}. */
    static String id(String name, String collection, String field, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        if (name.length() > 100 || !name.startsWith(collection) || !name.substring(collection.length()).matches(UUID)) {
            violations.add(field, field + " must be " + collection + "{uuid}");
            return null;
        }
        return name.substring(collection.length());
    }

    /** Optional variant: empty input is null without a violation. */
    static String optionalId(String name, String collection, String field, Violations violations) {
        return name == null || name.isEmpty() ? null : id(name, collection, field, violations);
    }

    static boolean isSessionId(String value) {
        return SESSION_ID.matcher(value).matches();
    }
}
