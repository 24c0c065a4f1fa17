package org.livecomply.consumer.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the law gives a consumer for a claim about an order (CRPL Arts. 24, 55; Food Safety Law Art. 148),
 * computed from the archived charged prices. Amounts in fen; the times are null when unknown or not relevant.
 */
public record RemedyAssessment(String orderId, ClaimType claim, List<Line> items, long pricePaidFen, List<Remedy> remedies, long refundFen,
                               long punitiveFen, String punitiveBasis, boolean minimumApplied, long totalFen, boolean sellerPaysShipping,
                               Instant receiptTime, Instant returnDeadline, String legalBasisZh, String legalBasisEn, List<String> records,
                               Instant assessTime) {

    /** One archived item of the order: the unit price charged and the line's total. */
    public record Line(String sku, String title, long quantity, long chargedFen, long lineTotalFen) {
    }

    public RemedyAssessment {
        items = List.copyOf(items);
        remedies = List.copyOf(remedies);
        records = List.copyOf(records);
    }

    public String article() {
        return claim.article();
    }
}
