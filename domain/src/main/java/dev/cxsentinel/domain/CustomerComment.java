package dev.cxsentinel.domain;

import java.time.LocalDate;

/** Kundenkommentar behind a negative customer experience. */
public record CustomerComment(LocalDate date, CommentCategory category, String text) {
    public static final int MAX_LENGTH = 2000;

    public CustomerComment {
        if (date == null) {
            throw new InvalidValueException("comment date", "null", "a date");
        }
        Text.requireText(text, "comment");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidValueException("comment", text, "at most " + MAX_LENGTH + " characters");
        }
        if (category == null) {
            category = CommentCategory.classify(text);
        }
    }
}
