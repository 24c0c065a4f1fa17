package org.livecomply.training.grpc;

import org.livecomply.api.training.v1.TrainingRules;
import org.livecomply.api.training.v1.YearlyCompletion;
import org.livecomply.training.domain.Course;
import org.livecomply.training.domain.MissingCourse;
import org.livecomply.training.domain.StatusReason;
import org.livecomply.training.domain.Topic;
import org.livecomply.training.domain.TrainingStatus;

/** Training status, yearly completions and the published rules, domain to proto. */
final class StatusMapper {

    private StatusMapper() {
    }

    static org.livecomply.api.training.v1.TrainingStatus toProto(TrainingStatus status) {
        org.livecomply.api.training.v1.TrainingStatus.Builder proto = org.livecomply.api.training.v1.TrainingStatus.newBuilder()
                .setSubject(status.subject().name())
                .setAudience(CourseMapper.audience(status.subject().audience()))
                .setEvaluateTime(ProtoValues.timestamp(status.evaluateTime()))
                .setPreServiceRequired(status.preServiceRequired())
                .setPreServiceComplete(status.preServiceComplete())
                .setAnnualCurrent(status.annualCurrent())
                .setAnnualWindowStartTime(ProtoValues.timestamp(status.annualWindow().start()))
                .setAnnualWindowEndTime(ProtoValues.timestamp(status.annualWindow().end()))
                .addAllOverdueNotices(status.overdueNotices());
        ProtoValues.setIfPresent(status.preServiceCompleteTime(), proto::setPreServiceCompleteTime);
        ProtoValues.setIfPresent(status.lapsesAt(), proto::setLapsesAt);
        status.missingPreServiceTopics().stream().sorted().forEach(topic -> proto.addMissingPreServiceTopics(CourseMapper.topic(topic)));
        status.missingCourses().forEach(missing -> proto.addMissingCourses(toProto(missing)));
        status.reasons().forEach(reason -> proto.addReasons(toProto(reason)));
        return proto.build();
    }

    static YearlyCompletion toProto(org.livecomply.training.domain.YearlyCompletion completion) {
        TrainingStatus status = completion.status();
        YearlyCompletion.Builder proto = YearlyCompletion.newBuilder()
                .setSubject(status.subject().name())
                .setAudience(CourseMapper.audience(status.subject().audience()))
                .setYear(completion.year())
                .setMcnInstitution(completion.mcnInstitution())
                .setPreServiceRequired(status.preServiceRequired())
                .setPreServiceComplete(status.preServiceComplete())
                .setAnnualComplete(status.annualCurrent())
                .addAllAnnualCoursesPassed(status.annualCodesPassed())
                .setRefusalCount(completion.refusalCount())
                .setCompliant(completion.compliant())
                .setEvaluateTime(ProtoValues.timestamp(status.evaluateTime()));
        status.missingCourses().forEach(missing -> proto.addMissingCourses(toProto(missing)));
        return proto.build();
    }

    static TrainingRules toProto(org.livecomply.training.domain.TrainingRules rules) {
        TrainingRules.Builder proto = TrainingRules.newBuilder()
                .setAnnualWindow(ProtoValues.toProto(rules.annualWindow(), "ANNUAL_WINDOW_", TrainingRules.AnnualWindow.class))
                .setTimeZone(org.livecomply.training.domain.TrainingRules.ZONE.getId())
                .setMaximumRecordAge(ProtoValues.duration(org.livecomply.training.domain.TrainingRules.MAXIMUM_RECORD_AGE));
        Topic.PRE_SERVICE_AREAS.stream().sorted().forEach(topic -> proto.addPreServiceTopics(CourseMapper.topic(topic)));
        return proto.build();
    }

    private static org.livecomply.api.training.v1.MissingCourse toProto(MissingCourse missing) {
        Course course = missing.course();
        return org.livecomply.api.training.v1.MissingCourse.newBuilder()
                .setCourse(course.name())
                .setCode(course.code())
                .setTitle(course.title())
                .setKind(CourseMapper.kind(course.kind()))
                .setRefused(missing.refused())
                .build();
    }

    private static org.livecomply.api.training.v1.StatusReason toProto(StatusReason reason) {
        return org.livecomply.api.training.v1.StatusReason.newBuilder()
                .setReason(reason.reason())
                .setArticle(reason.article())
                .setResource(reason.resource())
                .setDescription(reason.description())
                .build();
    }
}
