package org.livecomply.grading.domain;

/** Categories of goods; the life-and-health ones always require monitoring (Art. 11 ¶1). */
public enum GoodsCategory {
    GENERAL(false),
    APPAREL(false),
    ELECTRONICS(false),
    HOME(false),
    FOOD(true),
    HEALTH_FOOD(true),
    COSMETICS(true),
    MEDICAL_DEVICES(true),
    INFANT_GOODS(true),
    DRUGS(true);

    private final boolean lifeAndHealth;

    GoodsCategory(boolean lifeAndHealth) {
        this.lifeAndHealth = lifeAndHealth;
    }

    /** Food, health food, cosmetics, medical devices, infant goods, drugs (Art. 11 ¶1). */
    public boolean lifeAndHealth() {
        return lifeAndHealth;
    }
}
