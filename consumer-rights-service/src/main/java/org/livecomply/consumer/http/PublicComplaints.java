package org.livecomply.consumer.http;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.livecomply.commons.error.FieldViolation;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.domain.Remedy;

/** A consumer's complaint from the public fields; the platform-only fields (room, operator, marketer) are not accepted here. */
final class PublicComplaints {

    static final Set<String> FIELDS = Set.of("category", "description", "order_id", "contact", "requested_remedy");

    private PublicComplaints() {
    }

    /** Checks and converts; {@code extra} are further accepted field names (the form's csrf and lang). */
    static NewComplaint from(Map<String, String> fields, Channel channel, Set<String> extra, Violations violations) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name) && !extra.contains(name)) {
                violations.add(name.length() > 64 ? "body" : name, "unknown field " + (name.length() > 64 ? name.substring(0, 64) : name));
            }
        }
        String categoryText = fields.getOrDefault("category", "");
        Category category = parse(categoryText, Category.class);
        boolean badCategory = !categoryText.isEmpty() && (category == null || !category.fileable());
        if (badCategory) {
            violations.add("category", "category must be one of QUALITY, FALSE_ADVERTISING, RETURN_REFUND, DELIVERY, PRICE, SERVICE, COUNTERFEIT, OTHER");
        }
        String remedyText = fields.getOrDefault("requested_remedy", "");
        Remedy remedy = parse(remedyText, Remedy.class);
        if (!remedyText.isEmpty() && remedy == null) {
            violations.add("requested_remedy", "requested_remedy must be one of REFUND, RETURN, REPLACEMENT, REPAIR, COMPENSATION, OTHER");
        }
        NewComplaint complaint = new NewComplaint(channel, badCategory ? null : category, normalise(fields.get("description")),
                fields.getOrDefault("order_id", "").strip(), "", "", "", remedy, fields.getOrDefault("contact", "").strip(), "");
        Violations checks = new Violations();
        complaint.check(checks, "");
        for (FieldViolation violation : checks.list()) {
            if (!(badCategory && violation.field().equals("category"))) {
                violations.add(violation.field(), violation.description());
            }
        }
        return complaint;
    }

    /** Browsers send CRLF line breaks and people add blank lines around text: LF inside, nothing around. */
    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        if (value == null || value.isEmpty() || value.length() > 40) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
