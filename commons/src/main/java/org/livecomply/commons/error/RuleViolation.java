package org.livecomply.commons.error;

/**
 * One broken rule: a catalogued reason, the article that sets the rule (e.g. {@code "Art. 8 ¶1"}), the
 * subject it concerns (a resource name or field) and a sentence a person can act on.
 */
public record RuleViolation(String reason, String article, String subject, String description) {
}
