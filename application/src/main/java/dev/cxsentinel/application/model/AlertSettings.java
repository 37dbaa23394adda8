package dev.cxsentinel.application.model;

import java.time.Duration;

/** When reminders for a closed offer without action come, and how many. */
public record AlertSettings(Duration reminderInterval, int maxReminders) {
    public static final AlertSettings DEFAULTS = new AlertSettings(Duration.ofHours(24), 3);

    public AlertSettings {
        if (reminderInterval == null || reminderInterval.isNegative() || reminderInterval.isZero()) {
            throw new IllegalArgumentException("reminder interval must be positive");
        }
        if (maxReminders < 0 || maxReminders > 20) {
            throw new IllegalArgumentException("max reminders must be 0–20");
        }
    }
}
