package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;

/** Grund für den Widerspruch gegen die Schließung. {@link #OTHER} needs an explanation. */
public enum DisputeReason {
    DELIVERY_PROBLEMS("delivery", "delivery problems", "Lieferprobleme"),
    CUSTOMER_MISUNDERSTANDING("misunderstanding", "customer misunderstanding", "Missverständnis des Kunden"),
    FRAUDULENT_COMMENTS("fraud", "fraudulent comments", "betrügerische Kommentare"),
    OTHER("other", "other", "Sonstiges");

    private final String keyword;
    private final String english;
    private final String german;

    DisputeReason(String keyword, String english, String german) {
        this.keyword = keyword;
        this.english = english;
        this.german = german;
    }

    public String keyword() {
        return keyword;
    }

    public String label(Language language) {
        return language == Language.DE ? german : english;
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
