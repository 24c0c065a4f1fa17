package org.livecomply.consumer.domain;

import java.time.Duration;
import java.util.List;

/**
 * The complaint process and feedback deadlines the platform sets and publishes (Art. 20; ECL Art. 59), and
 * the CRPL Art. 25 return periods. Defaults from LEGAL.md C-2: acknowledge within 1 working day, first
 * substantive response within 3, resolve within 7; the clocks pause while waiting on the consumer. Also the
 * limit of advance compensation on one complaint (Art. 5; ECL Art. 58) and the online dispute-resolution rules
 * (ECL Art. 63: the platform sets and publishes them).
 */
public record ComplaintPolicy(Deadlines deadlines, Duration sellerInformationTarget, int returnWindowDays, int refundDays,
                              long advanceCompensationLimitFen) {

    /** CRPL Art. 25: 7 days to return, 7 days to refund; a platform may be more generous, never less. */
    public static final int LEGAL_RETURN_DAYS = 7;
    public static final int LEGAL_REFUND_DAYS = 7;
    public static final int MAX_WORKING_DAYS = 60;

    public static final List<String> PROCESS_ZH = List.of(
            "提交投诉：填写表单或通过平台客服提交，获得投诉编号和查询密钥。",
            "确认受理：平台在规定的工作日内确认收到投诉。",
            "首次答复：平台在规定的工作日内给出实质性答复。",
            "处理完结：平台在规定的工作日内作出处理结果（解决、不予支持并说明理由，或移交监管部门）。",
            "等待消费者补充材料期间，处理时限暂停计算。");
    public static final List<String> PROCESS_EN = List.of(
            "File: use the form or the platform's customer service; you receive a complaint number and a secret to check its status.",
            "Acknowledgement: the platform confirms receipt within the stated working days.",
            "First response: the platform answers in substance within the stated working days.",
            "Outcome: the platform resolves, rejects with reasons, or refers to a regulator within the stated working days.",
            "While the platform waits for information from you, the deadlines pause.");
    public static final List<String> DISPUTE_ROUTES_ZH = List.of("协商和解", "请求消费者组织或者依法成立的其他调解组织调解", "向有关部门投诉（12315）",
            "根据与平台达成的仲裁协议提请仲裁", "向人民法院提起诉讼");
    public static final List<String> DISPUTE_ROUTES_EN = List.of("Negotiation", "Mediation by a consumer association or another lawful mediation body",
            "A complaint to the authorities (12315)", "Arbitration under an arbitration agreement", "A lawsuit in a people's court");

    public static final List<String> ONLINE_DISPUTE_RESOLUTION_ZH = List.of(
            "在线争议解决：平台可以在投诉处理中向消费者和商家提出和解方案，双方自愿决定是否接受（《电子商务法》第六十三条）。",
            "方案经消费者和商家双方同意方为达成；任何一方拒绝的，该方案即告终止，平台可以另行提出方案。",
            "同一投诉同一时间只有一个待答复的方案；投诉办结时尚未达成的方案失效。",
            "平台公平、公正地提出方案，各方的答复均记入投诉记录。",
            "是否接受方案，不影响消费者通过协商、调解、投诉、仲裁或者诉讼解决争议的权利。");
    public static final List<String> ONLINE_DISPUTE_RESOLUTION_EN = List.of(
            "Online dispute resolution: while handling a complaint the platform may propose a settlement to the consumer and the merchant; "
                    + "each decides freely whether to accept it (E-Commerce Law Art. 63).",
            "A settlement is agreed only when both the consumer and the merchant accept it; if either declines, the proposal ends and the "
                    + "platform may make another.",
            "A complaint has at most one proposal awaiting answers at a time; a proposal not agreed when the complaint ends lapses.",
            "The platform proposes fairly and impartially; every answer is recorded in the complaint's timeline.",
            "Accepting or declining does not affect the consumer's right to negotiation, mediation, a complaint to the authorities, "
                    + "arbitration or a lawsuit.");

    public ComplaintPolicy {
        check(deadlines.acknowledgeDays(), "acknowledge");
        check(deadlines.firstResponseDays(), "first-response");
        check(deadlines.resolveDays(), "resolve");
        if (deadlines.acknowledgeDays() > deadlines.firstResponseDays() || deadlines.firstResponseDays() > deadlines.resolveDays()) {
            throw new IllegalArgumentException("complaint deadlines must be acknowledge <= first-response <= resolve working days");
        }
        if (returnWindowDays < LEGAL_RETURN_DAYS || refundDays < LEGAL_REFUND_DAYS || returnWindowDays > 365 || refundDays > 365) {
            throw new IllegalArgumentException("CRPL Art. 25: the return window and the refund period are 7..365 days");
        }
        if (advanceCompensationLimitFen < 1 || advanceCompensationLimitFen > Money.MAX_FEN) {
            throw new IllegalArgumentException("the advance-compensation limit must be 1.." + Money.MAX_FEN + " fen, not " + advanceCompensationLimitFen);
        }
        if (sellerInformationTarget.isNegative() || sellerInformationTarget.isZero() || sellerInformationTarget.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("the seller-information target must be more than 0 and at most 30 days");
        }
    }

    private static void check(int days, String name) {
        if (days < 1 || days > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("the " + name + " deadline must be 1.." + MAX_WORKING_DAYS + " working days, not " + days);
        }
    }
}
