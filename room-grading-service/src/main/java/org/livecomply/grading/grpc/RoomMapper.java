package org.livecomply.grading.grpc;

import java.util.List;
import org.livecomply.api.grading.v1.CreditRecord;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomMetrics;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.NewRoom;
import org.livecomply.grading.service.RoomService;

/** Rooms, metrics and credit data between the contract and the domain. */
final class RoomMapper {

    private RoomMapper() {
    }

    static NewRoom fromProto(Room room, Violations violations) {
        String operator = ResourceNames.roomOperator(room.getRoomOperator(), "room.room_operator", violations);
        List<org.livecomply.grading.domain.GoodsCategory> categories = room.getGoodsCategoriesList().stream()
                .map(c -> ProtoValues.domain(c, "GOODS_CATEGORY_", org.livecomply.grading.domain.GoodsCategory.class)).toList();
        return new NewRoom(operator, room.getLiveAccountId(), room.getDisplayName(), categories);
    }

    static org.livecomply.grading.domain.RoomMetrics metrics(RoomMetrics proto, Violations violations) {
        String path = "metrics.";
        long fen = ProtoValues.fen(proto.getGmv30D(), path + "gmv_30d", violations);
        return new org.livecomply.grading.domain.RoomMetrics(proto.getFollowers(), proto.getVisits30D(), fen, proto.getOrders30D(),
                proto.getMarketerInfluence(), ProtoValues.instant(proto.hasMeasureTime(), proto.getMeasureTime(), path + "measure_time", violations));
    }

    static org.livecomply.grading.domain.CreditRecord credit(CreditRecord proto, Violations violations) {
        return new org.livecomply.grading.domain.CreditRecord(proto.getAbnormalOperationListed(), proto.getSeriousDishonestyListed(),
                proto.getPenalties365D(), proto.getCreditRepaired(), proto.getSource(),
                ProtoValues.instant(proto.hasAsOfTime(), proto.getAsOfTime(), "credit.as_of_time", violations));
    }

    static Room toProto(RoomService.RoomView view, java.time.Instant now) {
        var room = view.room();
        Room.Builder proto = Room.newBuilder()
                .setName(room.name())
                .setRoomOperator(room.roomOperator())
                .setLiveAccountId(room.liveAccountId())
                .setDisplayName(room.displayName())
                .addAllGoodsCategories(room.goodsCategories().stream()
                        .map(c -> ProtoValues.proto(c, "GOODS_CATEGORY_", GoodsCategory.class)).toList())
                .setLifeAndHealth(room.lifeAndHealth())
                .setCreateTime(ProtoValues.timestamp(room.createTime()));
        if (room.metrics() != null) {
            var m = room.metrics();
            proto.setMetrics(RoomMetrics.newBuilder().setFollowers(m.followers()).setVisits30D(m.visits30d())
                    .setGmv30D(ProtoValues.cny(m.gmv30dFen())).setOrders30D(m.orders30d()).setMarketerInfluence(m.marketerInfluence())
                    .setMeasureTime(ProtoValues.timestamp(m.measureTime())));
        }
        if (room.credit() != null) {
            var c = room.credit();
            proto.setCredit(CreditRecord.newBuilder().setAbnormalOperationListed(c.abnormalOperationListed())
                    .setSeriousDishonestyListed(c.seriousDishonestyListed()).setPenalties365D(c.penalties365d())
                    .setCreditRepaired(c.creditRepaired()).setSource(c.source()).setAsOfTime(ProtoValues.timestamp(c.asOfTime())));
        }
        if (view.grade() != null) {
            proto.setGrade(GradeMapper.toProto(view.grade()));
        }
        view.activeDisposals().forEach(d -> proto.addActiveDisposals(DisposalMapper.toProto(d, now)));
        return proto.build();
    }
}
