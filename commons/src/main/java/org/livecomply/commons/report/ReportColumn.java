package org.livecomply.commons.report;

import java.util.List;

/**
 * A column of a report file: plain text, or a list of items each with the named fields (live accounts,
 * qualifications). A plain value is a {@code String} (null when absent), a {@code Long} or a {@code Boolean};
 * a list value is a {@code List<List<String>>}, one inner list per item, aligned with {@link #itemFields}.
 */
public record ReportColumn(String name, List<String> itemFields) {

    public static ReportColumn text(String name) {
        return new ReportColumn(name, List.of());
    }

    public static ReportColumn list(String name, String... itemFields) {
        return new ReportColumn(name, List.of(itemFields));
    }

    public boolean isList() {
        return !itemFields.isEmpty();
    }
}
