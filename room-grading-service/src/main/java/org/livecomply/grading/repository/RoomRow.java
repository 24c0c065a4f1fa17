package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Arrays;
import org.livecomply.grading.domain.CreditRecord;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.RoomMetrics;

/** goods_categories: comma-separated category names. Metrics and credit columns are null until first reported. */
@MappedEntity("rooms")
public record RoomRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String roomOperator,
        String liveAccountId,
        String displayName,
        String goodsCategories,
        @Nullable Long followers,
        @Nullable @MappedProperty("visits_30d") Long visits30d,
        @Nullable @MappedProperty("gmv_30d_fen") Long gmv30dFen,
        @Nullable @MappedProperty("orders_30d") Long orders30d,
        @Nullable Long marketerInfluence,
        @Nullable Instant measureTime,
        @Nullable Boolean creditAbnormal,
        @Nullable Boolean creditDishonest,
        @Nullable Integer creditPenalties,
        @Nullable Boolean creditRepaired,
        @Nullable String creditSource,
        @Nullable Instant creditAsOf,
        int gradeNumber,
        boolean monitoringRequired,
        Instant createTime,
        Instant updateTime) {

    public Room toDomain() {
        RoomMetrics metrics = measureTime == null ? null
                : new RoomMetrics(followers, visits30d, gmv30dFen, orders30d, marketerInfluence, measureTime);
        CreditRecord credit = creditAsOf == null ? null
                : new CreditRecord(creditAbnormal, creditDishonest, creditPenalties, creditRepaired, creditSource, creditAsOf);
        return new Room(resourceId, roomOperator, liveAccountId, displayName,
                Arrays.stream(goodsCategories.split(",")).map(GoodsCategory::valueOf).toList(), metrics, credit, gradeNumber, createTime);
    }
}
