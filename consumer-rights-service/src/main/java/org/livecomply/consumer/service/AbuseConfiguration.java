package org.livecomply.consumer.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code livecomply.consumer.abuse.*}: the platform's published rule for flagging possible abuse of the
 * complaint mechanism at filing (Art. 20 ¶1). Checked at start by {@link org.livecomply.consumer.domain.AbuseRule}.
 */
@ConfigurationProperties("livecomply.consumer.abuse")
public class AbuseConfiguration {

    private boolean enabled = true;
    private int repeatLimit = 5;
    private Duration repeatWindow = Duration.ofHours(24);
    private Duration duplicateWindow = Duration.ofDays(7);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getRepeatLimit() {
        return repeatLimit;
    }

    public void setRepeatLimit(int repeatLimit) {
        this.repeatLimit = repeatLimit;
    }

    public Duration getRepeatWindow() {
        return repeatWindow;
    }

    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    public Duration getDuplicateWindow() {
        return duplicateWindow;
    }

    public void setDuplicateWindow(Duration duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }
}
