package dev.cxsentinel.domain;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Kundenkommentar behind a negative customer experience, with the categories it shows, strongest first (never
 * empty). A category given by the file is taken as it is; otherwise the text is classified.
 */
public record CustomerComment(LocalDate date, List<CommentCategory> categories, String text) {
    public static final int MAX_LENGTH = 2000;

    public CustomerComment {
        if (date == null) {
            throw new InvalidValueException("comment-date", "", "date");
        }
        Text.requireText(text, "comment");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("comment", text, "max-length", MAX_LENGTH);
        }
        categories = categories == null || categories.isEmpty()
                ? CommentClassifier.classify(text) : List.copyOf(new LinkedHashSet<>(categories));
    }

    /** A comment with the category the file gives, or classified from its text when {@code category} is null. */
    public CustomerComment(LocalDate date, CommentCategory category, String text) {
        this(date, category == null ? null : List.of(category), text);
    }

    /** A comment whose category comes from a reason (a return code), completed by what the text itself shows. */
    public static CustomerComment withReason(LocalDate date, CommentCategory reason, String text) {
        if (reason == null || reason == CommentCategory.OTHER) {
            return new CustomerComment(date, (List<CommentCategory>) null, text);
        }
        LinkedHashSet<CommentCategory> all = new LinkedHashSet<>();
        all.add(reason);
        CommentClassifier.classify(text).stream().filter(c -> c != CommentCategory.OTHER).forEach(all::add);
        return new CustomerComment(date, List.copyOf(all), text);
    }

    /** The strongest category. */
    public CommentCategory category() {
        return categories.get(0);
    }

    /** Same day and same words: the same comment, whatever it was classified as. */
    public boolean sameAs(CustomerComment other) {
        return date.equals(other.date) && text.equals(other.text);
    }
}
