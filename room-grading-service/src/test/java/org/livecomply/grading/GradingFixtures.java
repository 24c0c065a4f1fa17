package org.livecomply.grading;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;

/** Rooms and violations created through the API, for tests that need them as a starting point. */
final class GradingFixtures {

    static final String READ = "grading.read";
    static final String WRITE = "grading.write";
    static final String DECIDE = "grading.decide";
    static final String ADMIN = "grading.admin";
    static final String GATE = "grading.gate";
    static final String EXPORT = "reports.export";
    static final String SHA = "a".repeat(64);

    private final GradingServiceClient client;

    GradingFixtures(GradingServiceClient client) {
        this.client = client;
    }

    static Room.Builder roomInput(GoodsCategory... categories) {
        return Room.newBuilder()
                .setRoomOperator("roomOperators/" + UUID.randomUUID())
                .setLiveAccountId("acct-" + UUID.randomUUID().toString().substring(0, 12))
                .setDisplayName("示例直播间")
                .addAllGoodsCategories(java.util.List.of(categories.length == 0 ? new GoodsCategory[] {GoodsCategory.GOODS_CATEGORY_APPAREL} : categories));
    }

    Room room(GoodsCategory... categories) {
        return client.as(WRITE).createRoom(CreateRoomRequest.newBuilder().setRoom(roomInput(categories)).build());
    }

    Room room(Room.Builder input) {
        return client.as(WRITE).createRoom(CreateRoomRequest.newBuilder().setRoom(input).build());
    }

    static Violation.Builder violationInput(Severity severity, Instant occur) {
        return Violation.newBuilder()
                .setRedLine(RedLine.RED_LINE_FALSE_CLAIM)
                .setSeverity(severity)
                .setSource(ViolationSource.VIOLATION_SOURCE_PATROL)
                .setDescription("claimed the cream cures eczema")
                .addEvidence(Evidence.newBuilder().setArtefactSha256(SHA).setDescription("replay 00:12:31"))
                .setOccurTime(timestamp(occur));
    }

    Violation violation(Room room, Severity severity, Instant occur) {
        return violation(room, violationInput(severity, occur));
    }

    Violation violation(Room room, Violation.Builder input) {
        return client.as(WRITE).recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName()).setViolation(input).build());
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
