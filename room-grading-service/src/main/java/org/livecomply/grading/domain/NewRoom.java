package org.livecomply.grading.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A room as the platform registers it. {@code goodsCategories} holds null for an unset or unknown value. */
public record NewRoom(String roomOperator, String liveAccountId, String displayName, List<GoodsCategory> goodsCategories) {

    public static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String PATH = "room.";

    public void check(Violations violations) {
        violations.text(PATH + "live_account_id", liveAccountId, 1, 64)
                .matches(PATH + "live_account_id", liveAccountId, ACCOUNT_ID, "1..64 of [A-Za-z0-9_.-]")
                .text(PATH + "display_name", displayName, 0, 100)
                .when(goodsCategories.isEmpty(), PATH + "goods_categories", PATH + "goods_categories needs at least one category")
                .when(goodsCategories.size() > GoodsCategory.values().length, PATH + "goods_categories",
                        PATH + "goods_categories has at most " + GoodsCategory.values().length + " entries");
        Set<GoodsCategory> seen = new HashSet<>();
        for (int i = 0; i < goodsCategories.size(); i++) {
            String field = PATH + "goods_categories[" + i + "]";
            GoodsCategory category = goodsCategories.get(i);
            if (category == null) {
                violations.add(field, field + " must be a known category");
            } else if (!seen.add(category)) {
                violations.add(field, field + " is listed twice");
            }
        }
    }
}
