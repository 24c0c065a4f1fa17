package org.livecomply.consumer.http;

import java.util.HashMap;
import java.util.Map;

/** Every text of the public pages and of the public API's errors, in Chinese and English. */
public final class Messages {

    private static final Map<String, String> ZH = new HashMap<>();
    private static final Map<String, String> EN = new HashMap<>();

    static {
        put("title.form", "提交消费投诉", "File a consumer complaint");
        put("title.filed", "投诉已提交", "Complaint filed");
        put("title.status", "投诉处理进度", "Complaint status");
        put("title.policy", "投诉处理规则", "Complaint policy");
        put("title.error", "出错了", "Something went wrong");
        put("switch", "English", "中文");
        put("intro", "请如实填写。我们会按照下方公布的时限处理您的投诉。", "Please tell us what happened. We handle your complaint within the published deadlines below.");
        put("field.category", "投诉类型", "What is it about");
        put("field.description", "投诉内容", "What happened");
        put("field.order_id", "订单号（选填）", "Order number (optional)");
        put("field.contact", "联系方式（手机号或电子邮箱，选填）", "Contact (mobile number or e-mail, optional)");
        put("field.requested_remedy", "诉求（选填）", "What you ask for (optional)");
        put("choose", "请选择", "Please choose");
        put("submit", "提交投诉", "Submit complaint");
        put("category.QUALITY", "商品质量问题", "Quality defect");
        put("category.FALSE_ADVERTISING", "虚假宣传", "False or misleading marketing");
        put("category.RETURN_REFUND", "退货退款", "Return or refund");
        put("category.DELIVERY", "物流配送", "Delivery");
        put("category.PRICE", "价格问题", "Price");
        put("category.SERVICE", "服务态度", "Service");
        put("category.COUNTERFEIT", "假冒伪劣", "Counterfeit or unsafe goods");
        put("category.AFTER_SALES_HANDOFF", "直播间处置后的售后跟进", "After-sales follow-up after a room disposal");
        put("category.OTHER", "其他", "Other");
        put("remedy.REFUND", "退款", "Refund");
        put("remedy.RETURN", "退货", "Return");
        put("remedy.REPLACEMENT", "换货", "Replacement");
        put("remedy.REPAIR", "维修", "Repair");
        put("remedy.COMPENSATION", "赔偿", "Compensation");
        put("remedy.OTHER", "其他", "Other");
        put("errors.heading", "请修改以下内容：", "Please correct the following:");
        put("error.category", "请选择投诉类型。", "Choose what the complaint is about.");
        put("error.description", "请填写投诉内容（1–2000 字，不含控制字符）。", "Describe what happened (1–2000 characters, no control characters).");
        put("error.order_id", "订单号只能包含字母、数字和 _ . : -，最多 64 位。", "The order number may only contain letters, digits and _ . : - (at most 64).");
        put("error.contact", "请填写 11 位手机号或有效的电子邮箱。", "Enter an 11-digit mobile number or a valid e-mail address.");
        put("error.requested_remedy", "请选择列表中的诉求。", "Choose a request from the list.");
        put("error.csrf", "表单已过期，请重新提交。", "The form has expired; please submit it again.");
        put("error.body", "请求内容无效。", "The request body is invalid.");
        put("error.unknown_field", "不支持的字段。", "Unknown field.");
        put("error.not_string", "必须是字符串。", "Must be a string.");
        put("error.content_type", "请求的 Content-Type 不受支持。", "The request's Content-Type is not supported.");
        put("error.too_large", "请求内容过大。", "The request is too large.");
        put("error.rate_limited", "请求过于频繁，请稍后再试。", "Too many requests; please try again later.");
        put("error.not_found", "未找到该投诉，或查询密钥不正确。", "No such complaint, or the status key is wrong.");
        put("error.X-Complaint-Token", "请在请求头 X-Complaint-Token 中提供投诉的查询密钥。", "Send the complaint's status key in the X-Complaint-Token header.");
        put("error.token", "请提供投诉的查询密钥。", "Send the complaint's status key.");
        put("error.internal", "系统内部错误，请稍后再试。", "Internal error; please try again later.");
        put("error.invalid", "请求有误。", "The request is invalid.");
        put("filed.number", "投诉编号", "Complaint number");
        put("filed.token", "查询密钥（请妥善保存，仅显示一次）", "Status key (keep it safe; shown only now)");
        put("filed.link", "查看处理进度", "See the status");
        put("status.state", "当前状态", "State");
        put("status.category", "投诉类型", "About");
        put("status.filed", "提交时间", "Filed");
        put("status.deadlines", "处理时限", "Deadlines");
        put("status.timeline", "处理记录", "Timeline");
        put("state.RECEIVED", "已收到", "Received");
        put("state.ACKNOWLEDGED", "已受理", "Acknowledged");
        put("state.IN_PROGRESS", "处理中", "In progress");
        put("state.WAITING", "等待补充信息", "Waiting for information");
        put("state.RESOLVED", "已解决", "Resolved");
        put("state.REJECTED", "不予支持", "Rejected");
        put("state.ESCALATED", "已移交监管部门", "Referred to a regulator");
        put("clock.ACKNOWLEDGE", "确认受理", "Acknowledgement");
        put("clock.FIRST_RESPONSE", "首次答复", "First response");
        put("clock.RESOLVE", "处理完结", "Outcome");
        put("clockstate.RUNNING", "进行中", "running");
        put("clockstate.PAUSED", "已暂停", "paused");
        put("clockstate.OVERDUE", "已超时", "overdue");
        put("clockstate.MET", "已按时完成", "met");
        put("clockstate.MISSED", "超时完成", "completed late");
        put("event.FILED", "提交投诉", "Filed");
        put("event.ACKNOWLEDGED", "平台确认受理", "Acknowledged");
        put("event.RESPONDED", "平台答复", "Platform responded");
        put("event.PAUSED", "等待补充信息", "Waiting for information");
        put("event.RESUMED", "继续处理", "Resumed");
        put("event.RESOLVED", "已解决", "Resolved");
        put("event.REJECTED", "不予支持", "Rejected");
        put("event.ESCALATED", "移交监管部门", "Referred to a regulator");
        put("policy.deadlines", "处理时限（工作日，不含提交当天）", "Deadlines (working days, from the day after filing)");
        put("policy.acknowledge", "确认受理", "Acknowledge");
        put("policy.first_response", "首次实质性答复", "First substantive response");
        put("policy.resolve", "处理完结", "Outcome");
        put("policy.days", "个工作日", "working day(s)");
        put("policy.process", "处理流程", "Process");
        put("policy.routes", "其他纠纷解决途径", "Other ways to resolve a dispute");
        put("policy.odr", "在线争议解决规则", "Online dispute resolution");
        put("policy.returns", "七日无理由退货：自签收次日起 7 日内可申请；商家收到退回商品之日起 7 日内退款。",
                "7-day no-reason returns: within 7 days from the day after receipt; the refund within 7 days after the seller receives the goods back.");
        put("policy.link", "查看投诉处理规则", "Read the complaint policy");
        put("status.filed_banner", "您的投诉已提交。请保存投诉编号和查询密钥，用于查询处理进度。", "Your complaint is filed. Keep the number and the status key to check its progress.");
        put("status.resolution", "处理结果", "Outcome");
        put("status.time_zone", "时间均为北京时间。", "Times are China time (UTC+8).");
        put("form.link", "提交新的投诉", "File a new complaint");
    }

    private Messages() {
    }

    private static void put(String key, String zh, String en) {
        ZH.put(key, zh);
        EN.put(key, en);
    }

    public static Map<String, String> all(Lang lang) {
        return lang == Lang.ZH ? ZH : EN;
    }

    public static String get(Lang lang, String key) {
        String text = all(lang).get(key);
        return text == null ? all(lang).get("error.invalid") : text;
    }
}
