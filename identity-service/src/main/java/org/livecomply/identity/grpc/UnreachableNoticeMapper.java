package org.livecomply.identity.grpc;

import java.time.Instant;
import org.livecomply.identity.domain.UnreachableNotice;

/** Unreachable notices to proto. */
final class UnreachableNoticeMapper {

    private UnreachableNoticeMapper() {
    }

    static org.livecomply.api.identity.v1.UnreachableNotice toProto(UnreachableNotice notice, Instant now) {
        org.livecomply.api.identity.v1.UnreachableNotice.Builder proto = org.livecomply.api.identity.v1.UnreachableNotice.newBuilder()
                .setName(notice.name())
                .setSubject(notice.subjectName())
                .setRegulator(notice.regulator())
                .setNoticeReference(notice.noticeReference())
                .setNoticeTime(ProtoValues.timestamp(notice.noticeTime()))
                .setReminderDeadline(ProtoValues.timestamp(notice.reminderDeadline()))
                .setState(org.livecomply.api.identity.v1.UnreachableNotice.State.valueOf("STATE_" + notice.state().name()))
                .setNote(notice.note())
                .setReminderOverdue(notice.reminderOverdue(now))
                .setCreateTime(ProtoValues.timestamp(notice.createTime()))
                .setUpdateTime(ProtoValues.timestamp(notice.updateTime()));
        ProtoValues.setIfPresent(notice.remindTime(), proto::setRemindTime);
        return proto.build();
    }
}
