package org.livecomply.grading.grpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** Parsing resource names out of requests; a malformed name is a violation on its field. */
final class ResourceNames {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern ROOM = Pattern.compile("rooms/(" + UUID + ")");
    private static final Pattern VIOLATION = Pattern.compile("rooms/(" + UUID + ")/violations/(" + UUID + ")");
    private static final Pattern DISPOSAL = Pattern.compile("rooms/(" + UUID + ")/disposals/(" + UUID + ")");
    private static final Pattern APPEAL = Pattern.compile("rooms/(" + UUID + ")/disposals/(" + UUID + ")/appeals/(" + UUID + ")");
    private static final Pattern ROOM_OPERATOR = Pattern.compile("roomOperators/" + UUID);
    private static final Pattern MARKETER = Pattern.compile("marketers/" + UUID);
    private static final Pattern VERSIONED = Pattern.compile("([a-zA-Z]+)/([1-9][0-9]{0,8}|current)");

    private ResourceNames() {
    }

    /** The room id of {@code rooms/{uuid}}. */
    static String room(String name, String field, Violations violations) {
        Matcher m = match(ROOM, name, field, "rooms/{uuid}", violations);
        return m == null ? null : m.group(1);
    }

    /** {room id, violation id}. */
    static String[] violation(String name, String field, Violations violations) {
        Matcher m = match(VIOLATION, name, field, "rooms/{uuid}/violations/{uuid}", violations);
        return m == null ? null : new String[] {m.group(1), m.group(2)};
    }

    /** {room id, disposal id}. */
    static String[] disposal(String name, String field, Violations violations) {
        Matcher m = match(DISPOSAL, name, field, "rooms/{uuid}/disposals/{uuid}", violations);
        return m == null ? null : new String[] {m.group(1), m.group(2)};
    }

    /** {room id, disposal id, appeal id}. */
    static String[] appeal(String name, String field, Violations violations) {
        Matcher m = match(APPEAL, name, field, "rooms/{uuid}/disposals/{uuid}/appeals/{uuid}", violations);
        return m == null ? null : new String[] {m.group(1), m.group(2), m.group(3)};
    }

    static String roomOperator(String name, String field, Violations violations) {
        return match(ROOM_OPERATOR, name, field, "roomOperators/{uuid}", violations) == null ? null : name;
    }

    /** The full marketer name {@code marketers/{uuid}}, or null (with a violation unless empty and optional). */
    static String marketer(String name, String field, boolean required, Violations violations) {
        if (!required && (name == null || name.isEmpty())) {
            return null;
        }
        return match(MARKETER, name, field, "marketers/{uuid}", violations) == null ? null : name;
    }

    /**
     * The version of {@code collection/{n}}, 0 for {@code collection/current}, or -1 with a violation.
     */
    static int version(String name, String collection, String field, Violations violations) {
        Matcher m = match(VERSIONED, name, field, collection + "/{version} or " + collection + "/current", violations);
        if (m == null) {
            return -1;
        }
        if (!m.group(1).equals(collection)) {
            violations.add(field, field + " must be " + collection + "/{version} or " + collection + "/current");
            return -1;
        }
        return "current".equals(m.group(2)) ? 0 : Integer.parseInt(m.group(2));
    }

    private static Matcher match(Pattern pattern, String name, String field, String shape, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        Matcher m = name.length() <= 200 ? pattern.matcher(name) : null;
        if (m == null || !m.matches()) {
            violations.add(field, field + " must be " + shape);
            return null;
        }
        return m;
    }
}
