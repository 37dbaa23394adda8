package dev.cxsentinel.domain;

import java.util.Locale;
import java.util.Optional;

/** Maßnahme that fixes the cause of negative experiences. Removal and disposal orders exist only for FBA stock. */
public enum Remedy {
    UPDATE_DETAIL_PAGE("detail-page", "updated the detail page", "Produktdetailseite aktualisiert", false),
    REMOVAL_ORDER("removal", "created a removal order", "Remissionsauftrag erstellt", true),
    DISPOSAL_ORDER("disposal", "created a disposal order", "Entsorgungsauftrag erstellt", true);

    private final String keyword;
    private final String english;
    private final String german;
    private final boolean fbaOnly;

    Remedy(String keyword, String english, String german, boolean fbaOnly) {
        this.keyword = keyword;
        this.english = english;
        this.german = german;
        this.fbaOnly = fbaOnly;
    }

    public String keyword() {
        return keyword;
    }

    public String label(Language language) {
        return language == Language.DE ? german : english;
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
