package dev.cxsentinel.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Why a customer reported a negative experience (Kategorie eines Kundenkommentars). */
public enum CommentCategory {
    NOT_AS_DESCRIBED("not as described", "nicht wie beschrieben",
            List.of("not as described", "not as pictured", "different than pictured", "different from the picture", "nicht wie beschrieben", "anders als abgebildet", "anders als beschrieben")),
    DEFECTIVE("defective", "defekt",
            List.of("defective", "broken", "stopped working", "does not work", "doesn't work", "not working", "faulty", "defekt", "kaputt", "funktioniert nicht", "geht nicht")),
    DAMAGED("damaged", "beschädigt",
            List.of("damaged", "dented", "scratched", "cracked", "crushed", "beschädigt", "zerkratzt", "verbeult", "gesprungen")),
    WRONG_ITEM("wrong item", "falscher Artikel",
            List.of("wrong item", "wrong product", "different item", "different kettle", "different product", "not what i ordered", "received a", "falscher artikel", "falsche", "falschen", "falscher", "anderen artikel")),
    MISSING_PARTS("missing parts", "fehlende Teile",
            List.of("missing part", "missing parts", "incomplete", "parts missing", "fehlende teile", "fehlt", "unvollständig")),
    SIZE_FIT("size/fit", "Größe/Passform",
            List.of("too small", "too big", "too large", "size chart", "runs small", "runs large", "zu klein", "zu groß", "größentabelle", "passform")),
    COMPATIBILITY("compatibility", "Kompatibilität",
            List.of("does not fit", "doesn't fit", "not compatible", "incompatible", "compatib", "passt nicht", "nicht kompatibel", "kompatib")),
    IMAGES_OR_DESCRIPTION("images or description", "Bilder oder Beschreibung",
            List.of("picture", "photo", "image", "description", "listing says", "bild", "foto", "beschreibung")),
    QUALITY("quality", "Qualität",
            List.of("poor quality", "cheap", "flimsy", "low quality", "qualität", "billig", "minderwertig")),
    DELIVERY("delivery", "Lieferung",
            List.of("late", "delivery", "arrived after", "never arrived", "courier", "parcel", "lieferung", "zu spät", "verspätet", "paket", "zusteller")),
    OTHER("other", "Sonstiges", List.of());

    private final String english;
    private final String german;
    private final List<String> keywords;

    private static final Map<String, CommentCategory> BY_LABEL = Text.foldedLabels(values(), v -> List.of(v.name(), v.english, v.german));

    CommentCategory(String english, String german, List<String> keywords) {
        this.english = english;
        this.german = german;
        this.keywords = keywords;
    }

    public String label(Language language) {
        return language == Language.DE ? german : english;
    }

    /** Comments that say the detail page misleads: fixed by updating title, bullets, description or images. */
    public boolean concernsDetailPage() {
        return this == COMPATIBILITY || this == SIZE_FIT || this == IMAGES_OR_DESCRIPTION || this == NOT_AS_DESCRIBED;
    }

    /** Amazon does not count delivery problems towards the NCX rate: such a comment is grounds for a dispute. */
    public boolean isInaccurateForNcx() {
        return this == DELIVERY;
    }

    public static Optional<CommentCategory> fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LABEL.get(Text.fold(text)));
    }

    /** Classifies an uncategorised comment from its text by English and German keywords; {@link #OTHER} when none match. */
    public static CommentCategory classify(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (CommentCategory c : values()) {
            for (String keyword : c.keywords) {
                if (lower.contains(keyword)) {
                    return c;
                }
            }
        }
        return OTHER;
    }
}
