package org.livecomply.grading.domain;

import java.time.Instant;
import java.util.List;

/**
 * A live room under graded management (Art. 11 ¶1). {@code metrics} and {@code credit} are null until first
 * reported; {@code gradeNumber} is 0 until the room is first graded.
 */
public record Room(String id, String roomOperator, String liveAccountId, String displayName, List<GoodsCategory> goodsCategories,
                   RoomMetrics metrics, CreditRecord credit, int gradeNumber, Instant createTime) {

    public static final String COLLECTION = "rooms/";

    public Room {
        goodsCategories = List.copyOf(goodsCategories);
    }

    public String name() {
        return COLLECTION + id;
    }

    public boolean lifeAndHealth() {
        return goodsCategories.stream().anyMatch(GoodsCategory::lifeAndHealth);
    }
}
