package org.livecomply.consumer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * The statutory remedies of a claim, from the prices the consumer paid (the archive's charged unit price ×
 * quantity of each item). Whether the goods are defective, the seller committed fraud or the food breaks a
 * standard is for a person to establish; this computes what follows if so. Neither law caps the amounts.
 */
public final class RemedyRules {

    public static final String AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE";
    // CRPL Art. 55 ¶1: three times the price, at least ¥500.
    static final long FRAUD_MULTIPLE = 3;
    static final long FRAUD_MINIMUM_FEN = 50_000;
    // Food Safety Law Art. 148 ¶2: ten times the price or three times the loss, at least ¥1,000.
    static final long FOOD_PRICE_MULTIPLE = 10;
    static final long FOOD_LOSS_MULTIPLE = 3;
    static final long FOOD_MINIMUM_FEN = 100_000;
    // CRPL Art. 24: return within 7 days of receipt (a legal period: the platform's Art. 25 window does not change it).
    static final int QUALITY_RETURN_DAYS = 7;

    private static final String QUALITY_ZH = "《消费者权益保护法》第二十四条：商品不符合质量要求，没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；"
            + "七日后符合法定解除合同条件的，可以及时退货，不符合的，可以要求经营者履行更换、修理等义务。退货、更换、修理的，经营者应当承担运输等必要费用。"
            + "商品是否存在质量问题由处理人员认定。";
    private static final String QUALITY_EN = "CRPL Art. 24: goods that do not meet quality requirements may, absent state rules or an agreement, be "
            + "returned within 7 days of receipt; after 7 days they may be returned if the statutory conditions for terminating the contract are "
            + "met, otherwise the seller must replace or repair them. The seller bears shipping and other necessary costs. Whether the goods are "
            + "defective is for the person handling the case to establish.";
    private static final String FRAUD_ZH = "《消费者权益保护法》第五十五条第一款：经营者提供商品有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为"
            + "消费者购买商品的价款的三倍；增加赔偿的金额不足五百元的，为五百元。法律另有规定的，依照其规定。是否构成欺诈由处理人员认定。";
    private static final String FRAUD_EN = "CRPL Art. 55 ¶1: where the seller committed fraud, it increases the compensation at the consumer's "
            + "request by three times the price paid; an increase below ¥500 is ¥500. Other laws prevail where they provide otherwise. Whether "
            + "there was fraud is for the person handling the case to establish.";
    private static final String FOOD_ZH = "《食品安全法》第一百四十八条第二款：生产不符合食品安全标准的食品或者经营明知是不符合食品安全标准的食品，消费者除要求赔偿损失外，"
            + "还可以向生产者或者经营者要求支付价款十倍或者损失三倍的赔偿金；增加赔偿的金额不足一千元的，为一千元。但是，食品的标签、说明书存在不影响食品安全"
            + "且不会对消费者造成误导的瑕疵的除外。是否属于上述情形由处理人员认定。";
    private static final String FOOD_EN = "Food Safety Law Art. 148 ¶2: for food that does not meet food-safety standards (produced, or sold "
            + "knowingly), the consumer may claim, besides the loss, ten times the price or three times the loss; an increase below ¥1,000 is "
            + "¥1,000. Flaws of labels or instructions that neither affect food safety nor mislead are excepted. Whether this applies is for "
            + "the person handling the case to establish.";

    private RemedyRules() {
    }

    /** An archived item: SKU, title, quantity and the unit price charged, in fen. */
    public record Item(String sku, String title, long quantity, long chargedFen) {
    }

    /**
     * The assessment of {@code claim} for {@code items} at {@code at}; {@code lossFen} (food safety only) and
     * {@code receipt} (the archived delivery) may be null. AMOUNT_OUT_OF_RANGE when an amount exceeds 64 bits.
     */
    public static RemedyAssessment assess(String orderId, ClaimType claim, List<Item> items, Long lossFen, Instant receipt, List<String> records,
                                          Instant at) {
        try {
            List<RemedyAssessment.Line> lines = new ArrayList<>();
            long price = 0;
            for (Item item : items) {
                long total = Math.multiplyExact(item.chargedFen(), item.quantity());
                lines.add(new RemedyAssessment.Line(item.sku(), item.title(), item.quantity(), item.chargedFen(), total));
                price = Math.addExact(price, total);
            }
            Instant known = receipt != null && !receipt.isAfter(at) ? receipt : null;
            return switch (claim) {
                case QUALITY_DEFECT -> quality(orderId, lines, price, known, records, at);
                case FRAUD -> punitive(orderId, claim, lines, price, Math.multiplyExact(FRAUD_MULTIPLE, price),
                        FRAUD_MULTIPLE + " × price_paid", FRAUD_MINIMUM_FEN, known, FRAUD_ZH, FRAUD_EN, records, at);
                case FOOD_SAFETY -> food(orderId, lines, price, lossFen, known, records, at);
            };
        } catch (ArithmeticException e) {
            throw new RuleViolationException(new RuleViolation(AMOUNT_OUT_OF_RANGE, claim.article(), "orders/" + orderId,
                    "the amounts of this claim exceed what a 64-bit amount in fen can hold; assess fewer items (skus)"));
        }
    }

    private static RemedyAssessment quality(String orderId, List<RemedyAssessment.Line> lines, long price, Instant receipt, List<String> records,
                                            Instant at) {
        if (receipt == null) {
            // The periods run from receipt; without an archived delivery there is nothing to apply them to yet.
            return new RemedyAssessment(orderId, ClaimType.QUALITY_DEFECT, lines, price, List.of(), 0, 0, "none: CRPL Art. 24 gives no increased "
                    + "compensation", false, 0, true, null, null, QUALITY_ZH + "（档案中尚无签收记录。）",
                    QUALITY_EN + " (The archive holds no delivery yet.)", records, at);
        }
        Instant deadline = ReturnRules.endOfDays(receipt, QUALITY_RETURN_DAYS);
        boolean returnable = at.isBefore(deadline);
        List<Remedy> remedies = returnable ? List.of(Remedy.RETURN, Remedy.REPLACEMENT, Remedy.REPAIR) : List.of(Remedy.REPLACEMENT, Remedy.REPAIR);
        long refund = returnable ? price : 0;
        return new RemedyAssessment(orderId, ClaimType.QUALITY_DEFECT, lines, price, remedies, refund, 0,
                "none: CRPL Art. 24 gives no increased compensation", false, refund, true, receipt, deadline, QUALITY_ZH, QUALITY_EN, records, at);
    }

    private static RemedyAssessment food(String orderId, List<RemedyAssessment.Line> lines, long price, Long lossFen, Instant receipt,
                                         List<String> records, Instant at) {
        long byPrice = Math.multiplyExact(FOOD_PRICE_MULTIPLE, price);
        long byLoss = lossFen == null ? 0 : Math.multiplyExact(FOOD_LOSS_MULTIPLE, lossFen);
        // The consumer chooses ten times the price or three times the loss: the assessment shows the larger.
        boolean loss = byLoss > byPrice;
        return punitive(orderId, ClaimType.FOOD_SAFETY, lines, price, loss ? byLoss : byPrice,
                loss ? FOOD_LOSS_MULTIPLE + " × loss" : FOOD_PRICE_MULTIPLE + " × price_paid", FOOD_MINIMUM_FEN, receipt, FOOD_ZH, FOOD_EN, records, at);
    }

    private static RemedyAssessment punitive(String orderId, ClaimType claim, List<RemedyAssessment.Line> lines, long price, long multiple,
                                             String multipleBasis, long minimum, Instant receipt, String zh, String en, List<String> records,
                                             Instant at) {
        boolean minimumApplied = multiple < minimum;
        long punitive = minimumApplied ? minimum : multiple;
        String basis = minimumApplied ? "statutory minimum " + Money.yuan(minimum) + " (" + multipleBasis + " = " + Money.yuan(multiple) + ")"
                : multipleBasis + " = " + Money.yuan(multiple);
        return new RemedyAssessment(orderId, claim, lines, price, List.of(Remedy.REFUND, Remedy.COMPENSATION), price, punitive, basis,
                minimumApplied, Math.addExact(price, punitive), false, receipt, null, zh, en, records, at);
    }
}
