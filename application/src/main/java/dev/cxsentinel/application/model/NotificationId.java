package dev.cxsentinel.application.model;

import java.util.UUID;

public record NotificationId(String value) {
    public NotificationId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("notification id must not be blank");
        }
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
