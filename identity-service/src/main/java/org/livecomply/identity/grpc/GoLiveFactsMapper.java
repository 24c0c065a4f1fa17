package org.livecomply.identity.grpc;

import org.livecomply.api.identity.v1.GoLiveFacts;
import org.livecomply.api.identity.v1.MarketerFacts;
import org.livecomply.api.identity.v1.RoomOperatorFacts;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.RoomOperator;

/** The go-live gate's identity facts to proto. */
final class GoLiveFactsMapper {

    private GoLiveFactsMapper() {
    }

    static GoLiveFacts toProto(org.livecomply.identity.domain.GoLiveFacts facts) {
        GoLiveFacts.Builder proto = GoLiveFacts.newBuilder()
                .setRoomOperator(toProto(facts.operator()))
                .setRosterSubmitted(facts.rosterMarketers() != null)
                .setReadTime(ProtoValues.timestamp(facts.readTime()));
        if (facts.rosterMarketers() != null) {
            facts.rosterMarketers().forEach(id -> proto.addRosterMarketers(Marketer.COLLECTION + id));
        }
        facts.marketers().forEach(m -> proto.addMarketers(toProto(m)));
        return proto.build();
    }

    private static RoomOperatorFacts toProto(org.livecomply.identity.domain.GoLiveFacts.OperatorFacts operator) {
        RoomOperatorFacts.Builder proto = RoomOperatorFacts.newBuilder().setName(RoomOperator.COLLECTION + operator.id());
        if (operator.state() != null) {
            proto.setRegistered(true)
                    .setState(org.livecomply.api.identity.v1.RoomOperator.State.valueOf("STATE_" + operator.state().name()))
                    .setBlacklisted(operator.blacklisted());
            ProtoValues.setIfPresent(operator.reverificationDueTime(), proto::setReverificationDueTime);
        }
        return proto.build();
    }

    private static MarketerFacts toProto(org.livecomply.identity.domain.GoLiveFacts.MarketerFacts marketer) {
        MarketerFacts.Builder proto = MarketerFacts.newBuilder().setName(Marketer.COLLECTION + marketer.id());
        if (marketer.state() != null) {
            proto.setRegistered(true)
                    .setState(org.livecomply.api.identity.v1.Marketer.State.valueOf("STATE_" + marketer.state().name()))
                    .setBirthDate(ProtoValues.date(marketer.birthDate()))
                    .setGuardianConsent(marketer.guardianConsent())
                    .setVerificationCurrent(marketer.verificationCurrent())
                    .setBlacklisted(marketer.blacklisted());
        }
        return proto.build();
    }
}
