package dev.cxsentinel.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Why a customer reported a negative experience (Kategorie eines Kundenkommentars). */
public enum CommentCategory {
    NOT_AS_DESCRIBED("not as described", "nicht wie beschrieben"),
    DEFECTIVE("defective", "defekt"),
    DAMAGED("damaged", "beschädigt"),
    WRONG_ITEM("wrong item", "falscher Artikel"),
    MISSING_PARTS("missing parts", "fehlende Teile"),
    SIZE_FIT("size/fit", "Größe/Passform"),
    COMPATIBILITY("compatibility", "Kompatibilität"),
    IMAGES_OR_DESCRIPTION("images or description", "Bilder oder Beschreibung"),
    QUALITY("quality", "Qualität"),
    DELIVERY("delivery", "Lieferung"),
    OTHER("other", "Sonstiges");

    private final String english;
    private final String german;

    private static final Map<String, CommentCategory> BY_LABEL = Text.foldedLabels(values(), v -> List.of(v.name(), v.english, v.german));

    CommentCategory(String english, String german) {
        this.english = english;
        this.german = german;
    }


    /** Comments that say the detail page misleads: fixed by updating title, bullets, description or images. */
    public boolean concernsDetailPage() {
        return this == COMPATIBILITY || this == SIZE_FIT || this == IMAGES_OR_DESCRIPTION || this == NOT_AS_DESCRIBED;
    }

    /** Amazon does not count delivery problems towards the NCX rate: such a comment is grounds for a dispute. */
    public boolean isInaccurateForNcx() {
        return this == DELIVERY;
    }

    /** A category name (English, German or the code) or one of Amazon's reason texts and return codes. */
    public static Optional<CommentCategory> fromLabel(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        CommentCategory byName = BY_LABEL.get(Text.fold(text));
        return byName != null ? Optional.of(byName) : AmazonReasons.categoryOf(text);
    }

    /** The strongest category of an uncategorised comment; see {@link CommentClassifier}. */
    public static CommentCategory classify(String text) {
        return CommentClassifier.classify(text).get(0);
    }
}
