package org.livecomply.grading.domain.content;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.livecomply.commons.error.Violations;

/** One entry of a term list: literal text, or a regular expression. Null kind: unset. */
public record Term(FindingKind kind, String text, boolean regex, String explanation) {

    public void check(String path, Violations violations) {
        violations.when(kind == null, path + ".kind", path + ".kind is required")
                .text(path + ".text", text, 1, 100)
                .text(path + ".explanation", explanation, 0, 300);
        if (regex && text != null && !text.isEmpty()) {
            try {
                if (Pattern.compile(text).matcher("").matches()) {
                    violations.add(path + ".text", path + ".text must not match the empty text");
                }
            } catch (PatternSyntaxException e) {
                violations.add(path + ".text", path + ".text is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    Pattern pattern() {
        return regex ? Pattern.compile(text) : Pattern.compile(Pattern.quote(text));
    }
}
