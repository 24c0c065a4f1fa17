package org.livecomply.consumer.grpc;

import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.LegalHoldState;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.ClockReading;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintState;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.domain.Remedy;
import org.livecomply.consumer.domain.WaitingOn;

/** Complaints, clocks and events between proto and domain. */
final class ComplaintMapper {

    private ComplaintMapper() {
    }

    static NewComplaint fromProto(org.livecomply.api.consumer.v1.Complaint proto, Violations violations) {
        Category category = ProtoValues.domain(proto.getCategory(), "CATEGORY_", Category.class);
        Remedy remedy = ProtoValues.domain(proto.getRequestedRemedy(), "REMEDY_", Remedy.class);
        if (proto.getRequestedRemedy() == org.livecomply.api.consumer.v1.Remedy.UNRECOGNIZED) {
            violations.add("complaint.requested_remedy", "complaint.requested_remedy is not a known value");
        }
        NewComplaint complaint = new NewComplaint(Channel.PLATFORM, category, proto.getDescription(), proto.getOrderId(), proto.getRoom(),
                proto.getRoomOperator(), proto.getMarketer(), remedy, proto.getContact(), proto.getBuyerRef());
        complaint.check(violations, "complaint.");
        return complaint;
    }

    static org.livecomply.api.consumer.v1.Complaint toProto(Complaint complaint, String statusToken) {
        return toProto(complaint).toBuilder().setStatusToken(statusToken).build();
    }

    static org.livecomply.api.consumer.v1.Complaint toProto(Complaint complaint) {
        org.livecomply.api.consumer.v1.Complaint.Builder proto = org.livecomply.api.consumer.v1.Complaint.newBuilder()
                .setName(complaint.name())
                .setNumber(complaint.number())
                .setChannel(ProtoValues.proto(complaint.channel(), "CHANNEL_", org.livecomply.api.consumer.v1.Channel.class))
                .setCategory(ProtoValues.proto(complaint.category(), "CATEGORY_", org.livecomply.api.consumer.v1.Category.class))
                .setDescription(complaint.description())
                .setOrderId(complaint.orderId())
                .setRoom(complaint.room())
                .setRoomOperator(complaint.roomOperator())
                .setMarketer(complaint.marketer())
                .setContact(complaint.maskedContact())
                .setBuyerRef(complaint.buyerRef())
                .setState(state(complaint.state()))
                .setAbuseFlagged(complaint.abuseFlagged())
                .setAbuseReason(complaint.abuseReason())
                .setResolution(complaint.resolution())
                .setSubstantiated(complaint.substantiated())
                .setRejectionReason(complaint.rejectionReason())
                .setRegulatorClue(complaint.regulatorClue())
                .setLegalHold(complaint.legalHold() == org.livecomply.consumer.domain.LegalHoldState.NONE ? LegalHoldState.LEGAL_HOLD_STATE_UNSPECIFIED
                        : ProtoValues.proto(complaint.legalHold(), "LEGAL_HOLD_STATE_", LegalHoldState.class))
                .setLegalHoldName(complaint.legalHoldName())
                .setGradingSignal(complaint.gradingSignal() == org.livecomply.consumer.domain.Delivery.NONE
                        ? org.livecomply.api.consumer.v1.Delivery.DELIVERY_UNSPECIFIED
                        : ProtoValues.proto(complaint.gradingSignal(), "DELIVERY_", org.livecomply.api.consumer.v1.Delivery.class))
                .setDisposal(complaint.disposal())
                .setCreateTime(ProtoValues.timestamp(complaint.createTime()))
                .setUpdateTime(ProtoValues.timestamp(complaint.updateTime()));
        if (complaint.requestedRemedy() != null) {
            proto.setRequestedRemedy(ProtoValues.proto(complaint.requestedRemedy(), "REMEDY_", org.livecomply.api.consumer.v1.Remedy.class));
        }
        if (complaint.waitingOn() != null) {
            proto.setWaitingOn(waitingOn(complaint.waitingOn()));
        }
        ProtoValues.setIfPresent(complaint.closeTime(), proto::setCloseTime);
        complaint.clocks().forEach(clock -> proto.addClocks(clock(clock)));
        return proto.build();
    }

    static ComplaintClock clock(ClockReading reading) {
        ComplaintClock.Builder proto = ComplaintClock.newBuilder()
                .setKind(ProtoValues.proto(reading.kind(), "KIND_", ComplaintClock.Kind.class))
                .setWorkingDays(reading.workingDays())
                .setDeadlineTime(ProtoValues.timestamp(reading.deadline()))
                .setState(ProtoValues.proto(reading.state(), "STATE_", ComplaintClock.State.class))
                .setPausedWorkingTime(ProtoValues.duration(reading.pausedWorkingTime()));
        ProtoValues.setIfPresent(reading.stopTime(), proto::setStopTime);
        return proto.build();
    }

    static ComplaintEvent event(org.livecomply.consumer.domain.ComplaintEvent event) {
        ComplaintEvent.Builder proto = ComplaintEvent.newBuilder()
                .setName(event.name())
                .setKind(ProtoValues.proto(event.kind(), "KIND_", ComplaintEvent.Kind.class))
                .setActor(event.actor())
                .setOccurTime(ProtoValues.timestamp(event.occurTime()))
                .setState(state(event.state()))
                .setNote(event.note());
        if (event.waitingOn() != null) {
            proto.setWaitingOn(waitingOn(event.waitingOn()));
        }
        return proto.build();
    }

    static org.livecomply.api.consumer.v1.Complaint.State state(ComplaintState state) {
        return ProtoValues.proto(state, "STATE_", org.livecomply.api.consumer.v1.Complaint.State.class);
    }

    static org.livecomply.api.consumer.v1.WaitingOn waitingOn(WaitingOn waitingOn) {
        return ProtoValues.proto(waitingOn, "WAITING_ON_", org.livecomply.api.consumer.v1.WaitingOn.class);
    }

    /** A state filter: UNSPECIFIED is any (null); UNRECOGNIZED is refused. */
    static ComplaintState stateFilter(org.livecomply.api.consumer.v1.Complaint.State state, Violations violations) {
        if (state == org.livecomply.api.consumer.v1.Complaint.State.UNRECOGNIZED) {
            violations.add("state", "state is not a known value");
        }
        return ProtoValues.domain(state, "STATE_", ComplaintState.class);
    }

    static Channel channelFilter(org.livecomply.api.consumer.v1.Channel channel, Violations violations) {
        if (channel == org.livecomply.api.consumer.v1.Channel.UNRECOGNIZED) {
            violations.add("channel", "channel is not a known value");
        }
        return ProtoValues.domain(channel, "CHANNEL_", Channel.class);
    }
}
