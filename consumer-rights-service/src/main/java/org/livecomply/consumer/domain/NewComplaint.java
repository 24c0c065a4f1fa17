package org.livecomply.consumer.domain;

import org.livecomply.commons.error.Violations;

/**
 * A complaint as filed. Optional text fields are empty strings, optional enums null. The consumer's
 * contact is a mainland mobile number or an e-mail address.
 */
public record NewComplaint(Channel channel, Category category, String description, String orderId, String room, String roomOperator,
                           String marketer, Remedy requestedRemedy, String contact, String buyerRef) {

    public static final int DESCRIPTION_MAX = 2000;

    /** Adds every bad field to {@code violations}, named {@code prefix + field}. */
    public void check(Violations violations, String prefix) {
        if (category == null) {
            violations.add(prefix + "category", prefix + "category is required");
        } else if (!category.fileable()) {
            violations.add(prefix + "category", prefix + "category " + category + " is opened only by the Art. 23 hand-off");
        }
        Texts.check(violations, prefix + "description", description, 1, DESCRIPTION_MAX);
        Identifiers.optional(violations, prefix + "order_id", orderId, Identifiers.ARCHIVE_ID, "1..64 of [A-Za-z0-9_.:-]");
        Identifiers.optional(violations, prefix + "room", room, Identifiers.ROOM, "rooms/{uuid}");
        Identifiers.optional(violations, prefix + "room_operator", roomOperator, Identifiers.ROOM_OPERATOR, "roomOperators/{uuid}");
        Identifiers.optional(violations, prefix + "marketer", marketer, Identifiers.MARKETER, "marketers/{uuid}");
        Identifiers.optional(violations, prefix + "buyer_ref", buyerRef, Identifiers.BUYER_REF, "1..128 of [A-Za-z0-9_.:-]");
        if (contact != null && !contact.isEmpty() && (contact.length() > 254
                || !(Identifiers.PHONE.matcher(contact).matches() || Identifiers.EMAIL.matcher(contact).matches()))) {
            violations.add(prefix + "contact", prefix + "contact must be a mainland mobile number (11 digits) or an e-mail address");
        }
    }

    /** Empty strings for absent optional text. */
    public NewComplaint {
        description = description == null ? "" : description;
        orderId = orderId == null ? "" : orderId;
        room = room == null ? "" : room;
        roomOperator = roomOperator == null ? "" : roomOperator;
        marketer = marketer == null ? "" : marketer;
        contact = contact == null ? "" : contact;
        buyerRef = buyerRef == null ? "" : buyerRef;
    }
}
