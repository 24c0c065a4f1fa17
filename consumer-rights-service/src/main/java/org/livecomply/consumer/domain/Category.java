package org.livecomply.consumer.domain;

/** What a complaint is about; AFTER_SALES_HANDOFF only for the cases the Art. 23 hand-off opens. */
public enum Category {
    QUALITY, FALSE_ADVERTISING, RETURN_REFUND, DELIVERY, PRICE, SERVICE, COUNTERFEIT, AFTER_SALES_HANDOFF, OTHER;

    /** The categories a consumer or the platform may file. */
    public boolean fileable() {
        return this != AFTER_SALES_HANDOFF;
    }
}
