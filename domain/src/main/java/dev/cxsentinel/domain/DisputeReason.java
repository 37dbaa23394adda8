package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;

/** Grund für den Widerspruch gegen die Schließung. {@link #OTHER} needs an explanation. */
public enum DisputeReason {
    DELIVERY_PROBLEMS("delivery"),
    CUSTOMER_MISUNDERSTANDING("misunderstanding"),
    FRAUDULENT_COMMENTS("fraud"),
    OTHER("other");

    private final String keyword;
    DisputeReason(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }


    public static Optional<DisputeReason> fromKeyword(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DisputeReason r : values()) {
            if (r.keyword.equals(t) || r.name().equalsIgnoreCase(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
