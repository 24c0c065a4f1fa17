package org.livecomply.training.grpc;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.livecomply.commons.error.Violations;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.CourseContent;
import org.livecomply.training.domain.CourseField;
import org.livecomply.training.domain.CourseKind;
import org.livecomply.training.domain.CourseState;
import org.livecomply.training.domain.Topic;

/** Courses between proto and domain. */
final class CourseMapper {

    private static final String PATH = "course.";

    private CourseMapper() {
    }

    /** The caller's fields; enum and value violations are collected, content checks are {@link CourseContent#check}. */
    static CourseContent fromProto(org.livecomply.api.training.v1.Course proto, Violations violations) {
        return new CourseContent(proto.getCode(), proto.getTitle(), proto.getDescription(),
                ProtoValues.required(proto.getAudience(), "AUDIENCE_", Audience.class, PATH + "audience", new Violations()),
                ProtoValues.required(proto.getKind(), "KIND_", CourseKind.class, PATH + "kind", new Violations()),
                topics(proto, violations),
                ProtoValues.duration(proto.hasMinimumDuration(), proto.getMinimumDuration(), PATH + "minimum_duration", violations),
                proto.getPassScore(),
                ProtoValues.date(proto.getEffectiveFrom(), PATH + "effective_from", violations),
                ProtoValues.date(proto.getEffectiveUntil(), PATH + "effective_until", violations));
    }

    /** The masked fields of an update; fields not named by the mask are read without complaint and ignored. */
    static CourseContent updateFromProto(org.livecomply.api.training.v1.Course proto, Set<CourseField> fields, Violations violations) {
        Violations ignored = new Violations();
        return new CourseContent(null, proto.getTitle(), proto.getDescription(), null, null,
                topics(proto, fields.contains(CourseField.TOPICS) ? violations : ignored),
                ProtoValues.duration(proto.hasMinimumDuration(), proto.getMinimumDuration(), PATH + "minimum_duration",
                        fields.contains(CourseField.MINIMUM_DURATION) ? violations : ignored),
                proto.getPassScore(),
                ProtoValues.date(proto.getEffectiveFrom(), PATH + "effective_from", fields.contains(CourseField.EFFECTIVE_FROM) ? violations : ignored),
                ProtoValues.date(proto.getEffectiveUntil(), PATH + "effective_until",
                        fields.contains(CourseField.EFFECTIVE_UNTIL) ? violations : ignored));
    }

    private static Set<Topic> topics(org.livecomply.api.training.v1.Course proto, Violations violations) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        Set<org.livecomply.api.training.v1.Topic> seen = new HashSet<>();
        for (int i = 0; i < proto.getTopicsCount(); i++) {
            org.livecomply.api.training.v1.Topic value = proto.getTopics(i);
            Topic topic = ProtoValues.fromProto(value, "TOPIC_", Topic.class);
            if (topic == null) {
                violations.add(PATH + "topics[" + i + "]", PATH + "topics[" + i + "] is not a known topic");
            } else if (!seen.add(value)) {
                violations.add(PATH + "topics[" + i + "]", PATH + "topics[" + i + "] repeats " + value);
            } else {
                topics.add(topic);
            }
        }
        return topics;
    }

    static org.livecomply.api.training.v1.Course toProto(Course course) {
        org.livecomply.api.training.v1.Course.Builder proto = org.livecomply.api.training.v1.Course.newBuilder()
                .setName(course.name())
                .setCode(course.code())
                .setVersion(course.ref().version())
                .setTitle(course.title())
                .setDescription(course.description())
                .setAudience(audience(course.audience()))
                .setKind(kind(course.kind()))
                .setMinimumDuration(ProtoValues.duration(course.minimumDuration()))
                .setPassScore(course.passScore())
                .setEffectiveFrom(ProtoValues.date(course.effectiveFrom()))
                .setState(ProtoValues.toProto(course.state(), "STATE_", org.livecomply.api.training.v1.Course.State.class))
                .setInUse(course.inUse())
                .setCreateTime(ProtoValues.timestamp(course.createTime()))
                .setUpdateTime(ProtoValues.timestamp(course.updateTime()));
        course.topics().stream().sorted().forEach(topic -> proto.addTopics(topic(topic)));
        if (course.effectiveUntil() != null) {
            proto.setEffectiveUntil(ProtoValues.date(course.effectiveUntil()));
        }
        ProtoValues.setIfPresent(course.publishTime(), proto::setPublishTime);
        return proto.build();
    }

    static org.livecomply.api.training.v1.Audience audience(Audience audience) {
        return ProtoValues.toProto(audience, "AUDIENCE_", org.livecomply.api.training.v1.Audience.class);
    }

    static org.livecomply.api.training.v1.Course.Kind kind(CourseKind kind) {
        return ProtoValues.toProto(kind, "KIND_", org.livecomply.api.training.v1.Course.Kind.class);
    }

    static org.livecomply.api.training.v1.Topic topic(Topic topic) {
        return ProtoValues.toProto(topic, "TOPIC_", org.livecomply.api.training.v1.Topic.class);
    }

    static CourseState stateFilter(org.livecomply.api.training.v1.Course.State state, Violations violations) {
        return ProtoValues.filter(state, "STATE_", CourseState.class, "state", violations);
    }
}
