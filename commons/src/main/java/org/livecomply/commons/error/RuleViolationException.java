package org.livecomply.commons.error;

import java.util.List;
import java.util.Map;

/** A legal or platform rule refuses the request: FAILED_PRECONDITION with every broken rule and its article. */
public final class RuleViolationException extends LiveComplyException {

    private final List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(first(violations).reason(), first(violations).description(), Map.of("article", first(violations).article()));
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(RuleViolation violation) {
        this(List.of(violation));
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    private static RuleViolation first(List<RuleViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule refusal needs at least one violation");
        }
        return violations.get(0);
    }
}
