package org.livecomply.training.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What a course teaches. */
public enum Topic {
    TRANSACTION_AND_INFORMATION_SECURITY_LAW("online-transaction and network-information-security law"),
    PRODUCT_QUALITY_AND_SAFETY("product quality and safety"),
    CONSUMER_PROTECTION("consumer protection"),
    PLATFORM_RULES("platform rules"),
    LIVE_COMMERCE_REGULATION("live e-commerce regulation"),
    MARKETER_DUTIES("marketers' duties"),
    REGULATOR_REQUIREMENTS("regulators' requirements");

    /** Art. 10 ¶1 (a)–(d): what pre-service training must cover before a marketer's first session. */
    public static final Set<Topic> PRE_SERVICE_AREAS = Collections.unmodifiableSet(EnumSet.of(
            TRANSACTION_AND_INFORMATION_SECURITY_LAW, PRODUCT_QUALITY_AND_SAFETY, CONSUMER_PROTECTION, PLATFORM_RULES));

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
