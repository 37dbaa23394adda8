package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;

/** Maßnahme that fixes the cause of negative experiences. Removal and disposal orders exist only for FBA stock. */
public enum Remedy {
    UPDATE_DETAIL_PAGE("detail-page", false),
    REMOVAL_ORDER("removal", true),
    DISPOSAL_ORDER("disposal", true);

    private final String keyword;
    private final boolean fbaOnly;

    Remedy(String keyword, boolean fbaOnly) {
        this.keyword = keyword;
        this.fbaOnly = fbaOnly;
    }

    public String keyword() {
        return keyword;
    }


    public boolean isAllowedFor(FulfilmentChannel channel) {
        return !fbaOnly || channel == FulfilmentChannel.FBA;
    }

    public static Optional<Remedy> fromKeyword(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Remedy r : values()) {
            if (r.keyword.equals(t) || r.name().equalsIgnoreCase(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
