package org.livecomply.identity.domain.report;

import org.livecomply.commons.report.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.PostalAddress;

/**
 * The three files of the Art. 9 report and their columns: exactly the fields the article lists, nothing
 * else (PIPL Art. 6: minimum necessary). Addresses are split into their parts; lists keep their items.
 * The file names are shared by every identity report (see {@link TaxReportLayout}).
 */
public final class ReportLayout {

    /** Art. 9 (1): registered room operators (entities, individual businesses). */
    public static final String REGISTERED_ROOM_OPERATORS = "registered_room_operators";
    /** Art. 9 (2): unregistered room operators (natural persons). */
    public static final String UNREGISTERED_ROOM_OPERATORS = "unregistered_room_operators";
    /** Art. 9 (3): marketers. */
    public static final String MARKETERS = "marketers";
    public static final String MANIFEST = "manifest.json";

    private static final List<String> ADDRESS_PARTS = List.of("province", "city", "district", "street", "postal_code");

    public static final List<ReportColumn> REGISTERED_COLUMNS = columns(List.of("name", "uscc"), "address",
            List.of("contact_phone", "contact_email"), ReportColumn.list("live_accounts", "account_id", "display_name"));
    public static final List<ReportColumn> UNREGISTERED_COLUMNS = columns(List.of("name", "id_number"), "address",
            List.of("contact_phone", "contact_email"), ReportColumn.list("live_accounts", "account_id", "display_name"));
    public static final List<ReportColumn> MARKETER_COLUMNS = columns(List.of("name", "id_number"), "habitual_address",
            List.of("contact_phone", "contact_email", "mcn_institution_name", "mcn_institution_uscc"),
            ReportColumn.list("qualifications", "kind", "number", "issuer", "valid_until"), ReportColumn.text("occupation"));

    private ReportLayout() {
    }

    /** A row of file (1): name, USCC, actual business address, contact, live accounts. */
    public static List<Object> registered(RoomOperatorEntry entry) {
        return row(List.of(entry.legalName(), entry.uscc()), entry.address(), entry.contact(), accounts(entry.liveAccounts()));
    }

    /** A row of file (2): name, ID number, actual address, contact, live accounts. */
    public static List<Object> unregistered(RoomOperatorEntry entry) {
        return row(List.of(entry.legalName(), entry.idNumber()), entry.address(), entry.contact(), accounts(entry.liveAccounts()));
    }

    /** A row of file (3): name, ID number, habitual address, contact, MCN (name and USCC), qualifications, occupation. */
    public static List<Object> marketer(MarketerEntry entry) {
        List<Object> row = row(List.of(entry.legalName(), entry.idNumber()), entry.habitualAddress(), entry.contact());
        row.add(entry.mcnName());
        row.add(entry.mcnUscc());
        row.add(entry.qualifications().stream().map(ReportLayout::certificate).toList());
        row.add(entry.occupation());
        return row;
    }

    private static List<Object> row(List<String> identity, PostalAddress address, Contact contact, Object... rest) {
        List<Object> row = new ArrayList<>(identity);
        row.add(address.province());
        row.add(address.city());
        row.add(address.district());
        row.add(address.streetAddress());
        row.add(address.postalCode());
        row.add(contact.phone());
        row.add(contact.email());
        row.addAll(List.of(rest));
        return row;
    }

    private static List<List<String>> accounts(List<LiveAccount> accounts) {
        return accounts.stream().map(a -> nullable(a.accountId(), a.displayName())).toList();
    }

    private static List<String> certificate(Certificate c) {
        return nullable(c.kind(), c.number(), c.issuer(), c.validUntil() == null ? null : c.validUntil().toString());
    }

    private static List<String> nullable(String... values) {
        return java.util.Arrays.asList(values);
    }

    private static List<ReportColumn> columns(List<String> identity, String addressPrefix, List<String> texts, ReportColumn... rest) {
        List<ReportColumn> columns = new ArrayList<>();
        identity.forEach(name -> columns.add(ReportColumn.text(name)));
        ADDRESS_PARTS.forEach(part -> columns.add(ReportColumn.text(addressPrefix + "_" + part)));
        texts.forEach(name -> columns.add(ReportColumn.text(name)));
        columns.addAll(List.of(rest));
        return List.copyOf(columns);
    }
}
