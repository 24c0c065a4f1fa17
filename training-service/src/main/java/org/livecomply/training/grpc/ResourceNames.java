package org.livecomply.training.grpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.CourseRef;
import org.livecomply.training.domain.Issuer;
import org.livecomply.training.domain.Subject;

/** Parsing resource names out of requests: identity subjects, courses, records, notices. */
final class ResourceNames {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern COURSE = Pattern.compile("courses/([A-Z0-9][A-Z0-9_-]{0,31})/versions/([1-9][0-9]{0,5})");
    private static final String SUBJECT_FORMS = "marketers/{uuid}, roomOperators/{uuid} or mcnInstitutions/{uuid}";

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

    /** An identity subject, or null with a violation on {@code field}. */
    static Subject subject(String name, String field, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        Audience audience = Audience.ofResourceName(name).orElse(null);
        if (audience == null || name.length() > 100 || !name.substring(audience.collection().length()).matches(UUID)) {
            violations.add(field, field + " must be " + SUBJECT_FORMS);
            return null;
        }
        return new Subject(audience, name.substring(audience.collection().length()));
    }

    /** Optional variant: empty input is null without a violation. */
    static Subject optionalSubject(String name, String field, Violations violations) {
        return name == null || name.isEmpty() ? null : subject(name, field, violations);
    }

    /** {@code courses/{code}/versions/{version}}, or null with a violation on {@code field}. */
    static CourseRef course(String name, String field, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        Matcher matcher = COURSE.matcher(name);
        if (!matcher.matches()) {
            violations.add(field, field + " must be courses/{code}/versions/{version}");
            return null;
        }
        return new CourseRef(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    /** {@code platform} or {@code mcnInstitutions/{uuid}}, or null with a violation on {@code field}. */
    static Issuer issuer(String name, String field, Violations violations) {
        if (Issuer.PLATFORM_NAME.equals(name)) {
            return Issuer.PLATFORM;
        }
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required: platform or mcnInstitutions/{uuid}");
            return null;
        }
        String id = id(name, Audience.MCN.collection(), field, new Violations());
        if (id == null) {
            violations.add(field, field + " must be platform or mcnInstitutions/{uuid}");
            return null;
        }
        return new Issuer(id);
    }
}
